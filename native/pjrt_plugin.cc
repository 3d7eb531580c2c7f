// lazytensor's PJRT transport: a PJRT C API plugin (GPU, TPU) loaded at run time from a path.
//
// Second transport behind the JS interface of xla_addon.cc (compile/upload/execute/download/
// free/release/stats), over nothing but `xla/pjrt/c/pjrt_c_api.h` (included from TensorFlow's
// wheel, never copied): this file compiles in seconds and links against no XLA library.
// Every failure, the plugin's included, is a JS exception (message + `code`), never a crash.
//
// JS interface:
//   new Plugin(path: string, createOptions?: Record<string, string|number|boolean|number[]>)
//       dlopen, GetPjrtApi, API version check, PJRT_Plugin_Initialize, PJRT_Client_Create
//   probe(path): { major, minor }   dlopen + GetPjrtApi + version check only (no initialization)
//   headerVersion: { major, minor }  the PJRT C API version this file was compiled against
//   plugin.compile(mlirText) / upload(dtype, data, dims?) / execute(exe, args) / download(buf) /
//   free(buf) / release(exe) / stats()   as in xla_addon.cc (dtype 0 f32, 1 s32, 2 pred)
//   plugin.platform: string, plugin.apiVersion: { major, minor }, plugin.path: string
// A plugin is opened once per process and path (plugins cannot be unloaded or initialized twice);
// a second `new Plugin` of the same path shares its client.
#define NAPI_CPP_EXCEPTIONS
#include <napi.h>

#include <dlfcn.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "xla/pjrt/c/pjrt_c_api.h"
#include "pjrt_compile_options.h"
#include "upload_dims.h"

namespace {

const char* const kCodeNames[] = {
    "OK",      "CANCELLED",          "UNKNOWN",          "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
    "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};

std::string codeName(int code) {
  return code >= 0 && code <= 16 ? kCodeNames[code] : "UNKNOWN(" + std::to_string(code) + ")";
}

// A JS Error with `code` (the PJRT/absl status name) so callers can branch without parsing text.
[[noreturn]] void throwCoded(const Napi::Env& env, const std::string& msg, const std::string& code) {
  Napi::Error e = Napi::Error::New(env, msg);
  e.Set("code", Napi::String::New(env, code));
  throw e;
}

struct Loaded {
  std::string path;
  const PJRT_Api* api = nullptr;
  bool initialized = false;
  PJRT_Client* client = nullptr;
  PJRT_Device* device = nullptr;
  std::string platform;
  struct Exe { PJRT_LoadedExecutable* exe; size_t outputs; };
  std::unordered_map<int64_t, Exe> exes;
  std::unordered_map<int64_t, PJRT_Buffer*> bufs;
  int64_t next = 1;
};

// Never destroyed or dlclosed: plugins own threads and cannot be unloaded safely.
std::map<std::string, Loaded*>& registry() {
  static auto* r = new std::map<std::string, Loaded*>();
  return *r;
}

// Whether the plugin's PJRT_Api (possibly older, hence shorter) has the member at `offset`.
bool hasFn(const PJRT_Api* api, size_t offset) {
  return offset + sizeof(void*) <= api->struct_size && *reinterpret_cast<void* const*>(reinterpret_cast<const char*>(api) + offset) != nullptr;
}
#define FN(L, env, name)                                                                                     \
  (hasFn((L).api, offsetof(PJRT_Api, name))                                                                   \
       ? (L).api->name                                                                                       \
       : (throwCoded(env, "pjrt: plugin " + (L).path + " lacks " #name " (PJRT API too old)", "UNIMPLEMENTED"), \
          (L).api->name))

// Turns a PJRT_Error into a JS exception (and frees it); no-op on success.
void check(const Napi::Env& env, const Loaded& L, PJRT_Error* err, const std::string& what) {
  if (!err) return;
  const PJRT_Api* api = L.api;
  PJRT_Error_Message_Args m{};
  m.struct_size = PJRT_Error_Message_Args_STRUCT_SIZE;
  m.error = err;
  api->PJRT_Error_Message(&m);
  std::string msg(m.message ? m.message : "", m.message ? m.message_size : 0);
  PJRT_Error_GetCode_Args g{};
  g.struct_size = PJRT_Error_GetCode_Args_STRUCT_SIZE;
  g.error = err;
  PJRT_Error* gerr = api->PJRT_Error_GetCode(&g);
  int code = gerr ? PJRT_Error_Code_UNKNOWN : g.code;
  PJRT_Error_Destroy_Args d{};
  d.struct_size = PJRT_Error_Destroy_Args_STRUCT_SIZE;
  d.error = err;
  api->PJRT_Error_Destroy(&d);
  if (gerr) { d.error = gerr; api->PJRT_Error_Destroy(&d); }
  throwCoded(env, "pjrt: " + what + ": " + msg + " (" + codeName(code) + ")", codeName(code));
}

// Waits for an event, frees it, and throws its error if it carried one.
void awaitEvent(const Napi::Env& env, const Loaded& L, PJRT_Event* ev, const std::string& what) {
  if (!ev) return;
  PJRT_Event_Await_Args a{};
  a.struct_size = PJRT_Event_Await_Args_STRUCT_SIZE;
  a.event = ev;
  PJRT_Error* err = L.api->PJRT_Event_Await(&a);
  PJRT_Event_Destroy_Args d{};
  d.struct_size = PJRT_Event_Destroy_Args_STRUCT_SIZE;
  d.event = ev;
  PJRT_Error* derr = L.api->PJRT_Event_Destroy(&d);
  check(env, L, err, what);
  check(env, L, derr, what + " (destroying its event)");
}

// dlopen + GetPjrtApi + version check; the result is cached per path (initialization too).
Loaded& openLibrary(const Napi::Env& env, const std::string& path) {
  auto it = registry().find(path);
  if (it != registry().end()) return *it->second;
  void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char* e = dlerror();
    throwCoded(env, "pjrt: cannot load plugin " + path + ": " + (e ? e : "dlopen failed"), "NOT_FOUND");
  }
  dlerror();
  using GetApi = const PJRT_Api* (*)();
  auto get = reinterpret_cast<GetApi>(dlsym(h, "GetPjrtApi"));
  if (!get) throwCoded(env, "pjrt: " + path + " is not a PJRT plugin: it does not export GetPjrtApi", "INVALID_ARGUMENT");
  const PJRT_Api* api = get();
  if (!api) throwCoded(env, "pjrt: " + path + ": GetPjrtApi returned null", "INTERNAL");
  // The first members (struct_size, extension_start, pjrt_api_version) have never moved (ABI).
  const PJRT_Api_Version& v = api->pjrt_api_version;
  if (v.major_version != PJRT_API_MAJOR) {
    throwCoded(env, "pjrt: " + path + " implements PJRT C API " + std::to_string(v.major_version) + "." +
                        std::to_string(v.minor_version) + ", but lazytensor was built against " +
                        std::to_string(PJRT_API_MAJOR) + "." + std::to_string(PJRT_API_MINOR) +
                        ": the major versions must match (rebuild with a matching header, or use a matching plugin)",
               "FAILED_PRECONDITION");
  }
  // Minor versions may differ: a newer plugin keeps older members in place, an older one has a
  // shorter PJRT_Api, which FN() checks member by member. The error functions are used to report
  // every other failure, so they must exist.
  if (!hasFn(api, offsetof(PJRT_Api, PJRT_Error_Destroy)) || !hasFn(api, offsetof(PJRT_Api, PJRT_Error_Message)) ||
      !hasFn(api, offsetof(PJRT_Api, PJRT_Error_GetCode)) || !hasFn(api, offsetof(PJRT_Api, PJRT_Event_Await))) {
    throwCoded(env, "pjrt: " + path + ": its PJRT_Api lacks the error/event functions", "FAILED_PRECONDITION");
  }
  auto* L = new Loaded();
  L->path = path;
  L->api = api;
  registry()[path] = L;
  return *L;
}

// Converts JS create options to PJRT_NamedValues; `store` keeps names/strings/lists alive.
std::vector<PJRT_NamedValue> namedValues(const Napi::Env& env, const Napi::Object& o, std::vector<std::string>& strs,
                                         std::vector<std::vector<int64_t>>& lists) {
  Napi::Array keys = o.GetPropertyNames();
  strs.reserve(keys.Length() * 2);
  lists.reserve(keys.Length());
  std::vector<PJRT_NamedValue> out;
  for (uint32_t i = 0; i < keys.Length(); i++) {
    std::string key = keys.Get(i).ToString().Utf8Value();
    Napi::Value v = o.Get(key);
    PJRT_NamedValue nv{};
    nv.struct_size = PJRT_NamedValue_STRUCT_SIZE;
    strs.push_back(key);
    nv.name = strs.back().c_str();
    nv.name_size = strs.back().size();
    nv.value_size = 1;
    if (v.IsString()) {
      strs.push_back(v.As<Napi::String>().Utf8Value());
      nv.type = PJRT_NamedValue_kString;
      nv.string_value = strs.back().c_str();
      nv.value_size = strs.back().size();
    } else if (v.IsBoolean()) {
      nv.type = PJRT_NamedValue_kBool;
      nv.bool_value = v.As<Napi::Boolean>().Value();
    } else if (v.IsNumber()) {
      double d = v.As<Napi::Number>().DoubleValue();
      if (std::floor(d) == d && std::fabs(d) < 9.0e15) {
        nv.type = PJRT_NamedValue_kInt64;
        nv.int64_value = static_cast<int64_t>(d);
      } else {
        nv.type = PJRT_NamedValue_kFloat;
        nv.float_value = static_cast<float>(d);
      }
    } else if (v.IsArray()) {
      Napi::Array a = v.As<Napi::Array>();
      lists.emplace_back();
      for (uint32_t j = 0; j < a.Length(); j++) {
        Napi::Value e = a.Get(j);
        if (!e.IsNumber()) throw Napi::TypeError::New(env, "pjrt: create option '" + key + "': a list must hold integers");
        lists.back().push_back(e.As<Napi::Number>().Int64Value());
      }
      nv.type = PJRT_NamedValue_kInt64List;
      nv.int64_array_value = lists.back().data();
      nv.value_size = lists.back().size();
    } else {
      throw Napi::TypeError::New(env, "pjrt: create option '" + key + "' must be a string, number, boolean or number[]");
    }
    out.push_back(nv);
  }
  return out;
}

void initializeAndCreate(const Napi::Env& env, Loaded& L, const Napi::Value& opts) {
  if (L.client) return;
  std::string ver = "PJRT C API " + std::to_string(L.api->pjrt_api_version.major_version) + "." +
                    std::to_string(L.api->pjrt_api_version.minor_version);
  if (!L.initialized) {
    PJRT_Plugin_Initialize_Args a{};
    a.struct_size = PJRT_Plugin_Initialize_Args_STRUCT_SIZE;
    check(env, L, FN(L, env, PJRT_Plugin_Initialize)(&a), "initializing plugin " + L.path + " (" + ver + ")");
    L.initialized = true;
  }
  std::vector<std::string> strs;
  std::vector<std::vector<int64_t>> lists;
  std::vector<PJRT_NamedValue> nvs;
  if (opts.IsObject()) nvs = namedValues(env, opts.As<Napi::Object>(), strs, lists);
  PJRT_Client_Create_Args c{};
  c.struct_size = PJRT_Client_Create_Args_STRUCT_SIZE;
  c.create_options = nvs.data();
  c.num_options = nvs.size();
  check(env, L, FN(L, env, PJRT_Client_Create)(&c), "creating the client of plugin " + L.path + " (" + ver + ")");
  L.client = c.client;

  PJRT_Client_PlatformName_Args p{};
  p.struct_size = PJRT_Client_PlatformName_Args_STRUCT_SIZE;
  p.client = L.client;
  check(env, L, FN(L, env, PJRT_Client_PlatformName)(&p), "platform name");
  L.platform.assign(p.platform_name, p.platform_name_size);

  PJRT_Client_AddressableDevices_Args d{};
  d.struct_size = PJRT_Client_AddressableDevices_Args_STRUCT_SIZE;
  d.client = L.client;
  check(env, L, FN(L, env, PJRT_Client_AddressableDevices)(&d), "listing devices");
  if (d.num_addressable_devices == 0) throwCoded(env, "pjrt: plugin " + L.path + " has no addressable device", "NOT_FOUND");
  L.device = d.addressable_devices[0];  // one device: the Accelerator interface has no sharding
}

int64_t argInt(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (info.Length() <= i || !info[i].IsNumber()) {
    throw Napi::TypeError::New(info.Env(), std::string("pjrt: argument ") + std::to_string(i) + " (" + what + ") must be a number");
  }
  return info[i].As<Napi::Number>().Int64Value();
}

Napi::Object versionObject(Napi::Env env, int major, int minor) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("major", major);
  o.Set("minor", minor);
  return o;
}

class Plugin : public Napi::ObjectWrap<Plugin> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "Plugin",
                       {InstanceMethod("compile", &Plugin::Compile), InstanceMethod("upload", &Plugin::Upload),
                        InstanceMethod("execute", &Plugin::Execute), InstanceMethod("download", &Plugin::Download),
                        InstanceMethod("free", &Plugin::Free), InstanceMethod("release", &Plugin::Release),
                        InstanceMethod("stats", &Plugin::Stats)});
  }

  explicit Plugin(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Plugin>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "pjrt: new Plugin(path: string, createOptions?)");
    Loaded& L = openLibrary(env, info[0].As<Napi::String>().Utf8Value());
    initializeAndCreate(env, L, info.Length() > 1 ? info[1] : env.Undefined());
    L_ = &L;
    Napi::Object self = info.This().As<Napi::Object>();
    self.Set("path", L.path);
    self.Set("platform", L.platform);
    self.Set("apiVersion", versionObject(env, L.api->pjrt_api_version.major_version, L.api->pjrt_api_version.minor_version));
  }

 private:
  Loaded* L_ = nullptr;

  Napi::Value Compile(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "pjrt: compile(mlirText: string)");
    Loaded& L = *L_;
    std::string text = info[0].As<Napi::String>().Utf8Value();
    static const char kFormat[] = "mlir";  // text or bytecode; the plugin parses StableHLO text
    PJRT_Program prog{};
    prog.struct_size = PJRT_Program_STRUCT_SIZE;
    prog.code = text.data();
    prog.code_size = text.size();
    prog.format = kFormat;
    prog.format_size = sizeof(kFormat) - 1;
    PJRT_Client_Compile_Args c{};
    c.struct_size = PJRT_Client_Compile_Args_STRUCT_SIZE;
    c.client = L.client;
    c.program = &prog;
    c.compile_options = lazytensor_pjrt::kCompileOptions;
    c.compile_options_size = sizeof(lazytensor_pjrt::kCompileOptions);
    check(env, L, FN(L, env, PJRT_Client_Compile)(&c), "compiling");
    size_t outputs = 0;
    try {
      outputs = numOutputs(env, c.executable);
    } catch (...) {
      destroyExe(c.executable);
      throw;
    }
    int64_t h = L.next++;
    L.exes[h] = {c.executable, outputs};
    return Napi::Number::New(env, static_cast<double>(h));
  }

  size_t numOutputs(const Napi::Env& env, PJRT_LoadedExecutable* le) {
    Loaded& L = *L_;
    PJRT_LoadedExecutable_GetExecutable_Args g{};
    g.struct_size = PJRT_LoadedExecutable_GetExecutable_Args_STRUCT_SIZE;
    g.loaded_executable = le;
    check(env, L, FN(L, env, PJRT_LoadedExecutable_GetExecutable)(&g), "compiling (its executable)");
    PJRT_Executable_NumOutputs_Args n{};
    n.struct_size = PJRT_Executable_NumOutputs_Args_STRUCT_SIZE;
    n.executable = g.executable;
    PJRT_Error* err = FN(L, env, PJRT_Executable_NumOutputs)(&n);
    PJRT_Executable_Destroy_Args d{};
    d.struct_size = PJRT_Executable_Destroy_Args_STRUCT_SIZE;
    d.executable = g.executable;
    PJRT_Error* derr = L.api->PJRT_Executable_Destroy(&d);
    check(env, L, err, "compiling (counting its outputs)");
    check(env, L, derr, "compiling (releasing its executable view)");
    return n.num_outputs;
  }

  void destroyExe(PJRT_LoadedExecutable* e) {
    PJRT_LoadedExecutable_Destroy_Args d{};
    d.struct_size = PJRT_LoadedExecutable_Destroy_Args_STRUCT_SIZE;
    d.executable = e;
    PJRT_Error* err = L_->api->PJRT_LoadedExecutable_Destroy(&d);
    if (err) {  // nothing to report it to: free it
      PJRT_Error_Destroy_Args x{};
      x.struct_size = PJRT_Error_Destroy_Args_STRUCT_SIZE;
      x.error = err;
      L_->api->PJRT_Error_Destroy(&x);
    }
  }

  Napi::Value Upload(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Loaded& L = *L_;
    int64_t dtype = argInt(info, 0, "dtype");
    if (info.Length() < 2 || !info[1].IsTypedArray()) throw Napi::TypeError::New(env, "pjrt: upload(dtype, data: TypedArray, dims?: number[])");
    Napi::TypedArray ta = info[1].As<Napi::TypedArray>();
    PJRT_Buffer_Type type;
    size_t elem;
    switch (dtype) {
      case 0: type = PJRT_Buffer_Type_F32; elem = 4; break;
      case 1: type = PJRT_Buffer_Type_S32; elem = 4; break;
      case 2: type = PJRT_Buffer_Type_PRED; elem = 1; break;
      default: throw Napi::TypeError::New(env, "pjrt: upload: dtype must be 0 (float32), 1 (int32) or 2 (bool)");
    }
    if (ta.ElementSize() != elem) throw Napi::TypeError::New(env, "pjrt: upload: typed array element size does not match the dtype");
    int64_t n = static_cast<int64_t>(ta.ElementLength());
    const uint8_t* data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
    std::vector<uint8_t> normalized;
    if (type == PJRT_Buffer_Type_PRED) {  // XLA's PRED must be 0 or 1
      normalized.assign(data, data + n);
      for (auto& b : normalized) b = b ? 1 : 0;
      data = normalized.data();
    }
    std::vector<int64_t> dims = uploadDims(info, 2, n, "pjrt");
    PJRT_Client_BufferFromHostBuffer_Args a{};
    a.struct_size = PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE;
    a.client = L.client;
    a.data = data;
    a.type = type;
    a.dims = dims.data();
    a.num_dims = dims.size();
    // The typed array outlives this synchronous call, which waits for the transfer below.
    a.host_buffer_semantics = PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes;
    a.device = L.device;
    check(env, L, FN(L, env, PJRT_Client_BufferFromHostBuffer)(&a), "upload");
    int64_t h = L.next++;
    L.bufs[h] = a.buffer;  // registered first, so a failed wait below leaves it freeable, not leaked
    awaitEvent(env, L, a.done_with_host_buffer, "upload");
    return Napi::Number::New(env, static_cast<double>(h));
  }

  Napi::Value Execute(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Loaded& L = *L_;
    int64_t e = argInt(info, 0, "executable");
    auto it = L.exes.find(e);
    if (it == L.exes.end()) throw Napi::Error::New(env, "pjrt: execute: unknown executable " + std::to_string(e));
    if (info.Length() < 2 || !info[1].IsArray()) throw Napi::TypeError::New(env, "pjrt: execute(exe, args: number[])");
    Napi::Array args = info[1].As<Napi::Array>();
    std::vector<PJRT_Buffer*> argv;
    for (uint32_t i = 0; i < args.Length(); i++) {
      Napi::Value v = args[i];
      if (!v.IsNumber()) throw Napi::TypeError::New(env, "pjrt: execute: args must be buffer handles");
      int64_t h = v.As<Napi::Number>().Int64Value();
      auto b = L.bufs.find(h);
      if (b == L.bufs.end()) throw Napi::Error::New(env, "pjrt: execute: unknown buffer " + std::to_string(h));
      argv.push_back(b->second);
    }
    std::vector<PJRT_Buffer*> outs(it->second.outputs, nullptr);
    PJRT_Buffer* const* argLists[1] = {argv.data()};
    PJRT_Buffer** outLists[1] = {outs.data()};
    PJRT_Event* done[1] = {nullptr};
    PJRT_ExecuteOptions opts{};
    opts.struct_size = PJRT_ExecuteOptions_STRUCT_SIZE;
    PJRT_LoadedExecutable_Execute_Args x{};
    x.struct_size = PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE;
    x.executable = it->second.exe;
    x.options = &opts;
    x.argument_lists = argLists;
    x.num_devices = 1;
    x.num_args = argv.size();
    x.output_lists = outLists;
    x.device_complete_events = done;
    check(env, L, FN(L, env, PJRT_LoadedExecutable_Execute)(&x), "execute");
    Napi::Array handles = Napi::Array::New(env, outs.size());
    for (size_t i = 0; i < outs.size(); i++) {  // register first: a failed wait leaves them freeable
      int64_t h = L.next++;
      L.bufs[h] = outs[i];
      handles[i] = Napi::Number::New(env, static_cast<double>(h));
    }
    awaitEvent(env, L, done[0], "execute");
    return handles;
  }

  Napi::Value Download(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Loaded& L = *L_;
    int64_t h = argInt(info, 0, "buffer");
    auto b = L.bufs.find(h);
    if (b == L.bufs.end()) throw Napi::Error::New(env, "pjrt: download: unknown buffer " + std::to_string(h));
    auto toHost = FN(L, env, PJRT_Buffer_ToHostBuffer);
    PJRT_Buffer_ToHostBuffer_Args q{};  // first call: dst == nullptr asks for the size
    q.struct_size = PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE;
    q.src = b->second;
    check(env, L, toHost(&q), "download (size)");
    awaitEvent(env, L, q.event, "download (size)");
    Napi::Uint8Array out = Napi::Uint8Array::New(env, q.dst_size);
    if (q.dst_size == 0) return out;
    PJRT_Buffer_ToHostBuffer_Args a{};
    a.struct_size = PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE;
    a.src = b->second;
    a.dst = out.Data();
    a.dst_size = q.dst_size;
    check(env, L, toHost(&a), "download");
    awaitEvent(env, L, a.event, "download");
    return out;
  }

  Napi::Value Free(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    int64_t h = argInt(info, 0, "buffer");
    auto b = L_->bufs.find(h);
    if (b == L_->bufs.end()) throw Napi::Error::New(env, "pjrt: free: unknown buffer " + std::to_string(h));
    PJRT_Buffer_Destroy_Args d{};
    d.struct_size = PJRT_Buffer_Destroy_Args_STRUCT_SIZE;
    d.buffer = b->second;
    L_->bufs.erase(b);
    check(env, *L_, L_->api->PJRT_Buffer_Destroy(&d), "free");
    return env.Undefined();
  }

  Napi::Value Release(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    int64_t h = argInt(info, 0, "executable");
    auto it = L_->exes.find(h);
    if (it == L_->exes.end()) throw Napi::Error::New(env, "pjrt: release: unknown executable " + std::to_string(h));
    PJRT_LoadedExecutable* e = it->second.exe;
    L_->exes.erase(it);
    destroyExe(e);
    return env.Undefined();
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("buffers", static_cast<double>(L_->bufs.size()));
    o.Set("executables", static_cast<double>(L_->exes.size()));
    return o;
  }
};

Napi::Value Probe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "pjrt: probe(path: string)");
  Loaded& L = openLibrary(env, info[0].As<Napi::String>().Utf8Value());
  return versionObject(env, L.api->pjrt_api_version.major_version, L.api->pjrt_api_version.minor_version);
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Plugin", Plugin::Define(env));
  exports.Set("probe", Napi::Function::New(env, Probe));
  exports.Set("headerVersion", versionObject(env, PJRT_API_MAJOR, PJRT_API_MINOR));
  return exports;
}

}  // namespace

NODE_API_MODULE(lazytensor_pjrt, Init)
