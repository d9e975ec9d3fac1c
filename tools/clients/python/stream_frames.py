#!/usr/bin/python3
"""Streams telemetry frames to the Telemetry ingest server over gRPC, from Python.

Generates the telemetry.v1 stubs from protos/ at start (Debian packages python3-grpcio and python3-grpc-tools),
sends BATCHES batches of FRAMES frames each on one bidirectional stream, keeps every batch in flight, and checks
that every batch is acknowledged with no rejections. Prints one JSON summary line; exits 1 on any rejection,
2 when a file it needs cannot be read, 3 when the call fails (one line on stderr: the status and the reason).

usage: stream_frames.py --target 127.0.0.1:50051 [--source py/demo] [--batches 10] [--frames 100]
                        [--start-ns 1750000000000000000] [--api-key KEY] [--tls-ca server.pem]
                        [--client-cert client.pem --client-key client.key.pem] [--server-name localhost]

Without --tls-ca the channel is HTTP/2 cleartext (loopback only). --api-key (or the environment variable
TELEMETRY_API_KEY) sends 'authorization: Bearer KEY'; --client-cert/--client-key present a client certificate (mTLS).
"""
import argparse
import importlib
import json
import os
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PROTOS = os.path.join(ROOT, "protos")


def load_stubs():
    """Compiles protos/telemetry/v1/*.proto into a temporary package and imports it."""
    try:
        from grpc_tools import protoc
    except ImportError:
        sys.exit("grpc_tools is missing: apt-get install -y python3-grpcio python3-grpc-tools")
    out = tempfile.mkdtemp(prefix="telemetry-stubs-")
    protos = [os.path.join(PROTOS, "telemetry", "v1", name) for name in ("frame.proto", "ingest.proto")]
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    code = protoc.main(["protoc", f"-I{PROTOS}", f"-I{include}", f"--python_out={out}", f"--grpc_python_out={out}", *protos])
    if code != 0:
        sys.exit(f"protoc failed with exit code {code}")
    sys.path.insert(0, out)
    frame_pb2 = importlib.import_module("telemetry.v1.frame_pb2")
    ingest_pb2_grpc = importlib.import_module("telemetry.v1.ingest_pb2_grpc")
    return frame_pb2, ingest_pb2_grpc


def make_batch(frame_pb2, batch_id, frames, source, start_ns, first_sequence):
    batch = frame_pb2.FrameBatch(batch_id=batch_id)
    for i in range(frames):
        sequence = first_sequence + i
        frame = batch.frames.add(
            source=source,
            sequence=sequence,
            timestamp_ns=start_ns + sequence * 10_000_000,
            measurement="py_demo",
        )
        frame.tags.add(key="client", value="python")
        frame.fields.add(key="altitude_m", double_value=3000.0 - sequence * 0.5)
        frame.fields.add(key="sequence", int_value=sequence)
        frame.fields.add(key="lrf_valid", bool_value=sequence % 2 == 0)
        frame.fields.add(key="phase", string_value="vertical hold")
    return batch


def read(path):
    with open(path, "rb") as f:
        return f.read()


def open_channel(grpc, args):
    """A cleartext channel, or a TLS one (optionally presenting a client certificate) when --tls-ca is given."""
    if not args.tls_ca:
        return grpc.insecure_channel(args.target)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=read(args.tls_ca),
        private_key=read(args.client_key) if args.client_key else None,
        certificate_chain=read(args.client_cert) if args.client_cert else None,
    )
    options = [("grpc.ssl_target_name_override", args.server_name)] if args.server_name else []
    return grpc.secure_channel(args.target, credentials, options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", required=True, help="host:port of the ingest server (HTTP/2 cleartext)")
    parser.add_argument("--source", default="py/demo")
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--frames", type=int, default=100)
    parser.add_argument("--start-ns", type=int, default=1_750_000_000_000_000_000)
    parser.add_argument("--api-key", default=os.environ.get("TELEMETRY_API_KEY"), help="API key sent as a bearer token")
    parser.add_argument("--tls-ca", help="PEM file of the certificate(s) that sign the server's certificate: enables TLS")
    parser.add_argument("--client-cert", help="PEM client certificate for mutual TLS (needs --tls-ca and --client-key)")
    parser.add_argument("--client-key", help="PEM private key of --client-cert")
    parser.add_argument("--server-name", help="name to check the server certificate against, when not the target host")
    args = parser.parse_args()
    if (args.client_cert or args.client_key) and not (args.client_cert and args.client_key and args.tls_ca):
        parser.error("--client-cert and --client-key go together, and need --tls-ca")

    import grpc

    frame_pb2, ingest_pb2_grpc = load_stubs()
    batches = [
        make_batch(frame_pb2, b + 1, args.frames, args.source, args.start_ns, b * args.frames + 1)
        for b in range(args.batches)
    ]
    metadata = [("authorization", f"Bearer {args.api_key}")] if args.api_key else None
    try:
        with open_channel(grpc, args) as channel:
            stub = ingest_pb2_grpc.IngestServiceStub(channel)
            acks = list(stub.Stream(iter(batches), timeout=120, metadata=metadata))
    except grpc.RpcError as error:
        # One line, as the C# tools print it: the status and the server's reason (exit 3).
        print(f"stream_frames.py: the stream failed: {error.code().name}: {error.details()}", file=sys.stderr)
        return 3
    except OSError as error:
        print(f"stream_frames.py: {error}", file=sys.stderr)
        return 2

    written = sum(a.written_count for a in acks)
    rejected = [(a.batch_id, r.index, r.reason) for a in acks for r in a.rejections]
    refused = [(a.batch_id, a.error) for a in acks if not a.accepted]
    summary = {
        "batches_sent": len(batches),
        "acks": len(acks),
        "acked_batch_ids": sorted(a.batch_id for a in acks),
        "written": written,
        "duplicates": sum(a.duplicate_count for a in acks),
        "resets": sum(a.reset_count for a in acks),
        "rejected": rejected,
        "refused": refused,
    }
    print(json.dumps(summary))
    return 0 if not rejected and not refused and len(acks) == len(batches) else 1


if __name__ == "__main__":
    sys.exit(main())
