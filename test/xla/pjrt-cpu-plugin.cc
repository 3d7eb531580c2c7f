// A TEST FIXTURE, not XLA's CPU plugin: the PJRT C API functions that native/pjrt_plugin.cc
// calls, implemented here over XLA's real CPU client from libtensorflow_cc (TensorFlow's wheel
// exports the C++ client but not the C API's CPU implementation, and no CPU plugin ships here).
// It lets test/xla/pjrt-cpu.xla.test.ts run real programs through the plugin transport on a
// CPU-only machine: compile (format "mlir", the serialized CompileOptionsProto parsed with XLA's
// own CompileOptions::FromProto), upload, execute, download, events and errors. Every other
// PJRT_Api member is null (the transport then reports UNIMPLEMENTED). Events are created ready:
// the client is synchronous. Built by `node scripts/build-native.mjs pjrt-cpu-test` (~90 s).
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "xla/hlo/builder/xla_computation.h"
#include "xla/literal.h"
#include "xla/pjrt/c/pjrt_c_api.h"
#include "xla/pjrt/cpu/cpu_client.h"
#include "xla/pjrt/pjrt_client.h"
#include "xla/pjrt/pjrt_executable.h"
#include "xla/pjrt/proto/compile_options.pb.h"
#include "xla/shape_util.h"

namespace xla {  // exported by libtensorflow_cc; its header needs MHLO headers the wheel lacks
absl::Status ParseMlirModuleStringAndConvertToXlaComputation(absl::string_view mlir_module_str,
                                                             XlaComputation& xla_computation,
                                                             bool use_tuple_args, bool return_tuple);
}  // namespace xla

struct PJRT_Error { absl::Status status; };
struct PJRT_Event { absl::Status status; };
struct PJRT_Device { xla::PjRtDevice* device; };
struct PJRT_Client {
  std::unique_ptr<xla::PjRtClient> client;
  std::vector<PJRT_Device> devices;
  std::vector<PJRT_Device*> device_ptrs;
};
struct PJRT_LoadedExecutable { std::unique_ptr<xla::PjRtLoadedExecutable> exe; size_t outputs; };
struct PJRT_Executable { size_t outputs; };
struct PJRT_Buffer { std::unique_ptr<xla::PjRtBuffer> buf; };

namespace {

PJRT_Error* err(absl::Status s) { return s.ok() ? nullptr : new PJRT_Error{std::move(s)}; }
PJRT_Error* invalid(const std::string& m) { return err(absl::InvalidArgumentError(m)); }

void ErrorDestroy(PJRT_Error_Destroy_Args* a) { delete a->error; }
void ErrorMessage(PJRT_Error_Message_Args* a) {
  a->message = a->error->status.message().data();
  a->message_size = a->error->status.message().size();
}
PJRT_Error* ErrorGetCode(PJRT_Error_GetCode_Args* a) {
  a->code = static_cast<PJRT_Error_Code>(a->error->status.code());
  return nullptr;
}
PJRT_Error* PluginInitialize(PJRT_Plugin_Initialize_Args*) { return nullptr; }
PJRT_Error* EventDestroy(PJRT_Event_Destroy_Args* a) { delete a->event; return nullptr; }
PJRT_Error* EventAwait(PJRT_Event_Await_Args* a) { return err(a->event->status); }

PJRT_Error* ClientCreate(PJRT_Client_Create_Args* a) {
  if (a->num_options != 0) return invalid("pjrt-cpu-test: takes no create options");
  xla::CpuClientOptions options;
  options.asynchronous = false;
  options.cpu_device_count = 1;
  auto c = xla::GetPjRtCpuClient(std::move(options));
  if (!c.ok()) return err(c.status());
  auto* client = new PJRT_Client{std::move(*c), {}, {}};
  for (xla::PjRtDevice* d : client->client->addressable_devices()) client->devices.push_back({d});
  for (auto& d : client->devices) client->device_ptrs.push_back(&d);
  a->client = client;
  return nullptr;
}
PJRT_Error* ClientPlatformName(PJRT_Client_PlatformName_Args* a) {
  static const char kName[] = "cpu-test-fixture";
  a->platform_name = kName;
  a->platform_name_size = sizeof(kName) - 1;
  return nullptr;
}
PJRT_Error* ClientAddressableDevices(PJRT_Client_AddressableDevices_Args* a) {
  a->addressable_devices = a->client->device_ptrs.data();
  a->num_addressable_devices = a->client->device_ptrs.size();
  return nullptr;
}

PJRT_Error* ClientCompile(PJRT_Client_Compile_Args* a) {
  std::string format(a->program->format, a->program->format_size);
  if (format != "mlir") return invalid("pjrt-cpu-test: unsupported program format " + format);
  xla::CompileOptionsProto proto;
  if (!proto.ParseFromString(std::string(a->compile_options, a->compile_options_size))) {
    return invalid("pjrt-cpu-test: compile_options is not a serialized CompileOptionsProto");
  }
  auto options = xla::CompileOptions::FromProto(proto);
  if (!options.ok()) return err(options.status());
  xla::XlaComputation comp;
  absl::Status st = xla::ParseMlirModuleStringAndConvertToXlaComputation(
      std::string(a->program->code, a->program->code_size), comp, false, false);
  if (!st.ok()) return err(st);
  auto shape = comp.GetProgramShape();
  if (!shape.ok()) return err(shape.status());
  const xla::Shape& result = shape->result();
  size_t outputs = result.IsTuple() ? result.tuple_shapes().size() : 1;
  auto exe = a->client->client->CompileAndLoad(comp, *options);
  if (!exe.ok()) return err(exe.status());
  a->executable = new PJRT_LoadedExecutable{std::move(*exe), outputs};
  return nullptr;
}

PJRT_Error* LoadedGetExecutable(PJRT_LoadedExecutable_GetExecutable_Args* a) {
  a->executable = new PJRT_Executable{a->loaded_executable->outputs};
  return nullptr;
}
PJRT_Error* ExecutableNumOutputs(PJRT_Executable_NumOutputs_Args* a) {
  a->num_outputs = a->executable->outputs;
  return nullptr;
}
PJRT_Error* ExecutableDestroy(PJRT_Executable_Destroy_Args* a) { delete a->executable; return nullptr; }
PJRT_Error* LoadedDestroy(PJRT_LoadedExecutable_Destroy_Args* a) { delete a->executable; return nullptr; }

PJRT_Error* LoadedExecute(PJRT_LoadedExecutable_Execute_Args* a) {
  if (a->num_devices != 1) return invalid("pjrt-cpu-test: one device only");
  std::vector<xla::PjRtBuffer*> args;
  for (size_t i = 0; i < a->num_args; i++) args.push_back(a->argument_lists[0][i]->buf.get());
  std::vector<std::vector<xla::PjRtBuffer*>> all{args};
  auto res = a->executable->exe->Execute(all, xla::ExecuteOptions());
  if (!res.ok()) return err(res.status());
  auto& outs = (*res)[0];
  if (outs.size() != a->executable->outputs) return err(absl::InternalError("pjrt-cpu-test: output count changed"));
  for (size_t i = 0; i < outs.size(); i++) a->output_lists[0][i] = new PJRT_Buffer{std::move(outs[i])};
  if (a->device_complete_events) a->device_complete_events[0] = new PJRT_Event{absl::OkStatus()};
  return nullptr;
}

PJRT_Error* BufferFromHost(PJRT_Client_BufferFromHostBuffer_Args* a) {
  xla::PrimitiveType type;
  switch (a->type) {
    case PJRT_Buffer_Type_F32: type = xla::F32; break;
    case PJRT_Buffer_Type_S32: type = xla::S32; break;
    case PJRT_Buffer_Type_PRED: type = xla::PRED; break;
    default: return invalid("pjrt-cpu-test: f32, s32 and pred only");
  }
  if (a->num_byte_strides != 0 || a->device_layout != nullptr) return invalid("pjrt-cpu-test: dense layouts only");
  std::vector<int64_t> dims(a->dims, a->dims + a->num_dims);
  xla::PjRtDevice* dev = a->device ? a->device->device : a->client->devices[0].device;
  auto mem = dev->default_memory_space();
  if (!mem.ok()) return err(mem.status());
  // Copies during the call, so the caller's data may go at once: the done event is ready.
  auto buf = a->client->client->BufferFromHostBuffer(a->data, type, dims, std::nullopt,
                                                     xla::PjRtClient::HostBufferSemantics::kImmutableOnlyDuringCall,
                                                     nullptr, *mem, nullptr);
  if (!buf.ok()) return err(buf.status());
  absl::Status ready = (*buf)->GetReadyFuture().Await();
  if (!ready.ok()) return err(ready);
  a->buffer = new PJRT_Buffer{std::move(*buf)};
  a->done_with_host_buffer = new PJRT_Event{absl::OkStatus()};
  return nullptr;
}

PJRT_Error* BufferToHost(PJRT_Buffer_ToHostBuffer_Args* a) {
  if (a->host_layout != nullptr) return invalid("pjrt-cpu-test: no host layouts");
  auto lit = a->src->buf->ToLiteralSync();
  if (!lit.ok()) return err(lit.status());
  size_t bytes = (*lit)->size_bytes();
  if (a->dst == nullptr) {
    a->dst_size = bytes;
    return nullptr;
  }
  if (a->dst_size < bytes) return invalid("pjrt-cpu-test: dst_size too small");
  if (bytes) std::memcpy(a->dst, (*lit)->untyped_data(), bytes);
  a->event = new PJRT_Event{absl::OkStatus()};
  return nullptr;
}
PJRT_Error* BufferDestroy(PJRT_Buffer_Destroy_Args* a) { delete a->buffer; return nullptr; }

PJRT_Api MakeApi() {
  PJRT_Api api{};
  api.struct_size = PJRT_Api_STRUCT_SIZE;
  api.pjrt_api_version.struct_size = PJRT_Api_Version_STRUCT_SIZE;
  api.pjrt_api_version.major_version = PJRT_API_MAJOR;
  api.pjrt_api_version.minor_version = PJRT_API_MINOR;
  api.PJRT_Error_Destroy = ErrorDestroy;
  api.PJRT_Error_Message = ErrorMessage;
  api.PJRT_Error_GetCode = ErrorGetCode;
  api.PJRT_Plugin_Initialize = PluginInitialize;
  api.PJRT_Event_Destroy = EventDestroy;
  api.PJRT_Event_Await = EventAwait;
  api.PJRT_Client_Create = ClientCreate;
  api.PJRT_Client_PlatformName = ClientPlatformName;
  api.PJRT_Client_AddressableDevices = ClientAddressableDevices;
  api.PJRT_Client_Compile = ClientCompile;
  api.PJRT_Client_BufferFromHostBuffer = BufferFromHost;
  api.PJRT_LoadedExecutable_GetExecutable = LoadedGetExecutable;
  api.PJRT_LoadedExecutable_Execute = LoadedExecute;
  api.PJRT_LoadedExecutable_Destroy = LoadedDestroy;
  api.PJRT_Executable_NumOutputs = ExecutableNumOutputs;
  api.PJRT_Executable_Destroy = ExecutableDestroy;
  api.PJRT_Buffer_ToHostBuffer = BufferToHost;
  api.PJRT_Buffer_Destroy = BufferDestroy;
  return api;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const PJRT_Api* GetPjrtApi() {
  static const PJRT_Api api = MakeApi();
  return &api;
}
