Console.Error.WriteLine("not yet implemented");
return 1;
