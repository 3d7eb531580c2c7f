// Checks pjrt_compile_options.h's hand-encoded CompileOptionsProto against XLA itself: the bytes
// must parse with XLA's generated CompileOptionsProto (no unknown fields), convert with
// CompileOptions::FromProto, and serialize back exactly as a default-constructed
// xla::CompileOptions does. Built and run by `node scripts/build-native.mjs pjrt-check`
// (needs what the XLA addon needs: TensorFlow's wheel and LLVM's headers; ~90 s). Exit 0 = equal.
#include <cstdio>
#include <string>

#include "pjrt_compile_options.h"
#include "xla/pjrt/pjrt_executable.h"
#include "xla/pjrt/proto/compile_options.pb.h"

int main() {
  using lazytensor_pjrt::kCompileOptions;
  xla::CompileOptionsProto proto;
  if (!proto.ParseFromString(std::string(kCompileOptions, sizeof(kCompileOptions)))) {
    std::printf("pjrt-check: the bytes do not parse as a CompileOptionsProto\n");
    return 1;
  }
  if (proto.unknown_fields().field_count() != 0 || proto.executable_build_options().unknown_fields().field_count() != 0) {
    std::printf("pjrt-check: unknown fields (wrong field numbers)\n");
    return 1;
  }
  auto ours = xla::CompileOptions::FromProto(proto);
  if (!ours.ok()) {
    std::printf("pjrt-check: CompileOptions::FromProto: %s\n", std::string(ours.status().message()).c_str());
    return 1;
  }
  auto a = ours->ToProto();
  auto b = xla::CompileOptions().ToProto();
  if (!a.ok() || !b.ok()) {
    std::printf("pjrt-check: ToProto failed\n");
    return 1;
  }
  std::string sa = a->ShortDebugString(), sb = b->ShortDebugString();
  std::printf("ours:     %s\ndefaults: %s\n", sa.c_str(), sb.c_str());
  if (sa != sb) {
    std::printf("pjrt-check: the hand-encoded options differ from xla::CompileOptions' defaults\n");
    return 1;
  }
  std::printf("pjrt-check: equal to xla::CompileOptions' defaults\n");
  return 0;
}
