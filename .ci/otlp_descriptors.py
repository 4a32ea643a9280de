"""Writes the OTLP schema as a FileDescriptorSet, taken from the opentelemetry-proto package.

protoc reads the set with --descriptor_set_in, so the .proto sources never need to be copied
into this repository. Usage: python otlp_descriptors.py OUT.pb
"""
import importlib
import sys

from google.protobuf import descriptor_pb2

MODULES = [
    "opentelemetry.proto.common.v1.common_pb2",
    "opentelemetry.proto.resource.v1.resource_pb2",
    "opentelemetry.proto.trace.v1.trace_pb2",
    "opentelemetry.proto.metrics.v1.metrics_pb2",
    "opentelemetry.proto.logs.v1.logs_pb2",
    "opentelemetry.proto.collector.trace.v1.trace_service_pb2",
    "opentelemetry.proto.collector.metrics.v1.metrics_service_pb2",
    "opentelemetry.proto.collector.logs.v1.logs_service_pb2",
]

def main(out_path: str) -> None:
    files = descriptor_pb2.FileDescriptorSet()
    for name in MODULES:
        module = importlib.import_module(name)
        proto = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(proto)
        files.file.append(proto)
        print(proto.name)
    with open(out_path, "wb") as handle:
        handle.write(files.SerializeToString())

if __name__ == "__main__":
    main(sys.argv[1])
