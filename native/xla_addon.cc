// lazytensor's XLA addon: op-agnostic, StableHLO text in, device buffers out.
//
// One translation unit (every XLA header is here: compiling it takes ~90 s and ~2 GB). The
// transport is XLA's CPU PJRT client from TensorFlow's libtensorflow_cc (pip tensorflow-cpu);
// see ../shared/NOTES.md. Every failure is a JS exception (Napi::Error), never a crash.
//
// JS interface (handles are positive integers):
//   compile(mlirText: string): number                executable
//   upload(dtype: 0|1|2, data: TypedArray): number   a 1-D buffer of data.length elements
//   execute(exe: number, args: number[]): number[]   one new buffer per result
//   download(buf: number): Uint8Array                its bytes
//   free(buf: number), release(exe: number)
//   stats(): { buffers, executables }
// dtype: 0 float32, 1 int32, 2 bool (one byte per element).
#define NAPI_CPP_EXCEPTIONS
#include <napi.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "xla/hlo/builder/xla_computation.h"
#include "xla/literal.h"
#include "xla/pjrt/cpu/cpu_client.h"
#include "xla/pjrt/pjrt_client.h"
#include "xla/pjrt/pjrt_executable.h"
#include "xla/shape_util.h"

// From xla/pjrt/mlir_to_hlo.h, which cannot be included from the wheel's headers (it needs
// generated MHLO pass headers the wheel does not ship); libtensorflow_cc exports it.
namespace xla {
absl::Status ParseMlirModuleStringAndConvertToXlaComputation(absl::string_view mlir_module_str,
                                                             XlaComputation& xla_computation,
                                                             bool use_tuple_args, bool return_tuple);
}  // namespace xla

namespace {

struct State {
  std::unique_ptr<xla::PjRtClient> client;
  std::unordered_map<int64_t, std::unique_ptr<xla::PjRtLoadedExecutable>> exes;
  std::unordered_map<int64_t, std::unique_ptr<xla::PjRtBuffer>> bufs;
  int64_t next = 1;
};

State& state() {
  static State* s = new State();  // never destroyed: XLA's threads may outlive static teardown
  return *s;
}

[[noreturn]] void fail(const Napi::Env& env, const std::string& what, const absl::Status& st) {
  throw Napi::Error::New(env, "xla: " + what + ": " + std::string(st.message()) + " (" +
                                  absl::StatusCodeToString(st.code()) + ")");
}

xla::PjRtClient* client(const Napi::Env& env) {
  State& s = state();
  if (!s.client) {
    xla::CpuClientOptions options;
    options.asynchronous = false;
    options.cpu_device_count = 1;
    auto c = xla::GetPjRtCpuClient(std::move(options));
    if (!c.ok()) fail(env, "creating the CPU client", c.status());
    s.client = std::move(*c);
  }
  return s.client.get();
}

int64_t argInt(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (info.Length() <= i || !info[i].IsNumber()) {
    throw Napi::TypeError::New(info.Env(), std::string("xla: argument ") + std::to_string(i) + " (" + what + ") must be a number");
  }
  return info[i].As<Napi::Number>().Int64Value();
}

Napi::Value Compile(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "xla: compile(mlirText: string)");
  std::string text = info[0].As<Napi::String>().Utf8Value();
  xla::PjRtClient* c = client(env);
  xla::XlaComputation comp;
  absl::Status st = xla::ParseMlirModuleStringAndConvertToXlaComputation(text, comp, false, false);
  if (!st.ok()) fail(env, "parsing StableHLO", st);
  xla::CompileOptions options;
  auto exe = c->CompileAndLoad(comp, options);
  if (!exe.ok()) fail(env, "compiling", exe.status());
  State& s = state();
  int64_t h = s.next++;
  s.exes[h] = std::move(*exe);
  return Napi::Number::New(env, static_cast<double>(h));
}

Napi::Value Upload(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t dtype = argInt(info, 0, "dtype");
  if (info.Length() < 2 || !info[1].IsTypedArray()) throw Napi::TypeError::New(env, "xla: upload(dtype, data: TypedArray)");
  Napi::TypedArray ta = info[1].As<Napi::TypedArray>();
  xla::PrimitiveType type;
  size_t elem;
  switch (dtype) {
    case 0: type = xla::F32; elem = 4; break;
    case 1: type = xla::S32; elem = 4; break;
    case 2: type = xla::PRED; elem = 1; break;
    default: throw Napi::TypeError::New(env, "xla: upload: dtype must be 0 (float32), 1 (int32) or 2 (bool)");
  }
  if (ta.ElementSize() != elem) throw Napi::TypeError::New(env, "xla: upload: typed array element size does not match the dtype");
  int64_t n = static_cast<int64_t>(ta.ElementLength());
  const uint8_t* data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
  std::vector<uint8_t> normalized;
  if (type == xla::PRED) {  // XLA's PRED must be 0 or 1
    normalized.assign(data, data + n);
    for (auto& b : normalized) b = b ? 1 : 0;
    data = normalized.data();
  }
  xla::PjRtClient* c = client(env);
  xla::PjRtDevice* dev = c->addressable_devices()[0];
  auto mem = dev->default_memory_space();
  if (!mem.ok()) fail(env, "upload", mem.status());
  std::vector<int64_t> dims{n};
  auto buf = c->BufferFromHostBuffer(data, type, dims, std::nullopt,
                                     xla::PjRtClient::HostBufferSemantics::kImmutableOnlyDuringCall,
                                     nullptr, *mem, nullptr);
  if (!buf.ok()) fail(env, "upload", buf.status());
  absl::Status ready = (*buf)->GetReadyFuture().Await();
  if (!ready.ok()) fail(env, "upload", ready);
  State& s = state();
  int64_t h = s.next++;
  s.bufs[h] = std::move(*buf);
  return Napi::Number::New(env, static_cast<double>(h));
}

Napi::Value Execute(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  State& s = state();
  int64_t e = argInt(info, 0, "executable");
  auto it = s.exes.find(e);
  if (it == s.exes.end()) throw Napi::Error::New(env, "xla: execute: unknown executable " + std::to_string(e));
  if (info.Length() < 2 || !info[1].IsArray()) throw Napi::TypeError::New(env, "xla: execute(exe, args: number[])");
  Napi::Array args = info[1].As<Napi::Array>();
  std::vector<xla::PjRtBuffer*> argv;
  for (uint32_t i = 0; i < args.Length(); i++) {
    Napi::Value v = args[i];
    if (!v.IsNumber()) throw Napi::TypeError::New(env, "xla: execute: args must be buffer handles");
    int64_t h = v.As<Napi::Number>().Int64Value();
    auto b = s.bufs.find(h);
    if (b == s.bufs.end()) throw Napi::Error::New(env, "xla: execute: unknown buffer " + std::to_string(h));
    argv.push_back(b->second.get());
  }
  xla::ExecuteOptions options;
  std::vector<std::vector<xla::PjRtBuffer*>> all{argv};
  auto res = it->second->Execute(all, options);
  if (!res.ok()) fail(env, "execute", res.status());
  if (res->size() != 1) throw Napi::Error::New(env, "xla: execute: expected results for one device");
  auto& outs = (*res)[0];
  Napi::Array handles = Napi::Array::New(env, outs.size());
  for (size_t i = 0; i < outs.size(); i++) {
    absl::Status ready = outs[i]->GetReadyFuture().Await();
    if (!ready.ok()) fail(env, "execute", ready);
    int64_t h = s.next++;
    s.bufs[h] = std::move(outs[i]);
    handles[i] = Napi::Number::New(env, static_cast<double>(h));
  }
  return handles;
}

Napi::Value Download(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  State& s = state();
  int64_t h = argInt(info, 0, "buffer");
  auto b = s.bufs.find(h);
  if (b == s.bufs.end()) throw Napi::Error::New(env, "xla: download: unknown buffer " + std::to_string(h));
  auto lit = b->second->ToLiteralSync();
  if (!lit.ok()) fail(env, "download", lit.status());
  size_t bytes = (*lit)->size_bytes();
  Napi::Uint8Array out = Napi::Uint8Array::New(env, bytes);
  if (bytes) std::memcpy(out.Data(), (*lit)->untyped_data(), bytes);
  return out;
}

Napi::Value Free(const Napi::CallbackInfo& info) {
  int64_t h = argInt(info, 0, "buffer");
  if (state().bufs.erase(h) == 0) throw Napi::Error::New(info.Env(), "xla: free: unknown buffer " + std::to_string(h));
  return info.Env().Undefined();
}

Napi::Value Release(const Napi::CallbackInfo& info) {
  int64_t h = argInt(info, 0, "executable");
  if (state().exes.erase(h) == 0) throw Napi::Error::New(info.Env(), "xla: release: unknown executable " + std::to_string(h));
  return info.Env().Undefined();
}

Napi::Value Stats(const Napi::CallbackInfo& info) {
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("buffers", static_cast<double>(state().bufs.size()));
  o.Set("executables", static_cast<double>(state().exes.size()));
  return o;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("compile", Napi::Function::New(env, Compile));
  exports.Set("upload", Napi::Function::New(env, Upload));
  exports.Set("execute", Napi::Function::New(env, Execute));
  exports.Set("download", Napi::Function::New(env, Download));
  exports.Set("free", Napi::Function::New(env, Free));
  exports.Set("release", Napi::Function::New(env, Release));
  exports.Set("stats", Napi::Function::New(env, Stats));
  return exports;
}

}  // namespace

NODE_API_MODULE(lazytensor_xla, Init)
