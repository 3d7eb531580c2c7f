// The serialized CompileOptionsProto that native/pjrt_plugin.cc passes to PJRT_Client_Compile.
// Its own header so that native/pjrt_compile_options_check.cc can parse the very same bytes with
// XLA's generated code (`node scripts/build-native.mjs pjrt-check`).
#pragma once

namespace lazytensor_pjrt {

// CompileOptionsProto, hand-encoded (protobuf wire format) because this file links no protobuf:
//   field 3 executable_build_options (length-delimited, 25 bytes) = ExecutableBuildOptionsProto {
//     field 1  device_ordinal = -1  (varint, 10 bytes of two's complement: "the client chooses")
//     field 4  num_replicas   = 1
//     field 5  num_partitions = 1
//     field 12 allow_spmd_sharding_propagation_to_output     = [false]  (packed: tag 0x62, LEN 1)
//     field 18 allow_spmd_sharding_propagation_to_parameters = [false]  (packed: tag 0x92 0x01, LEN 1)
//     field 23 process_count  = 1   (tag 23 << 3 = 184: varint 0xb8 0x01) }
// That is exactly what a default-constructed xla::CompileOptions serializes to (checked by
// pjrt_compile_options_check.cc with XLA's own CompileOptions::FromProto and ToProto); the
// proto's zeros would instead pin device 0 and claim zero replicas and processes.
inline constexpr char kCompileOptions[] = {
    0x1a, 0x19,                                                                       // 3: LEN 25
    0x08, '\xff', '\xff', '\xff', '\xff', '\xff', '\xff', '\xff', '\xff', '\xff', 0x01,  // 1: -1
    0x20, 0x01,                                                                       // 4: 1
    0x28, 0x01,                                                                       // 5: 1
    0x62, 0x01, 0x00,                                                                 // 12: [false]
    '\x92', 0x01, 0x01, 0x00,                                                         // 18: [false]
    '\xb8', 0x01, 0x01};                                                              // 23: 1

}  // namespace lazytensor_pjrt
