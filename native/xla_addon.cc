// lazytensor's XLA addon: op-agnostic, StableHLO text in, device buffers out.
//
// One translation unit (every XLA header is here: compiling it takes ~90 s and ~2 GB). The
// transport is XLA's CPU PJRT client from TensorFlow's libtensorflow_cc (pip tensorflow-cpu);
// see ../shared/NOTES.md. Every failure is a JS exception (Napi::Error), never a crash.
//
// JS interface (handles are positive integers):
//   compile(mlirText: string): number                executable
//   upload(dtype: 0|1|2, data: TypedArray, dims?: number[]): number
//                                                    a buffer of shape dims (default [data.length])
//   execute(exe: number, args: number[]): number[]   one new buffer per result
//   download(buf: number): Uint8Array                its bytes
//   free(buf: number), release(exe: number)
//   stats(): { buffers, executables, queued }
//   compileAsync(mlirText): Promise<number>           compiled on the launcher thread
//   executeAsync(exe, args): { outputs: number[], done: Promise<number> }
//       enqueued on the launcher thread; the output handles exist at once and may be passed to
//       later executes or read (download blocks until they are computed); `done` resolves with
//       the execution's milliseconds, or rejects, and then every read of an output throws.
//       Blocks while two jobs are already queued (bounds memory when tracing outruns XLA).
//   downloadAsync(buf): Promise<Uint8Array>           waits for the buffer off the main thread
// dtype: 0 float32, 1 int32, 2 bool (one byte per element).
//
// Threads: one launcher thread runs the async jobs in order (FIFO), so a job's arguments made by
// an earlier job are ready when it starts. The handle tables are touched only on the main
// thread; a buffer's Slot is shared with the jobs that make or read it, and is filled under `mu`.
#define NAPI_CPP_EXCEPTIONS
#include <napi.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "upload_dims.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "xla/hlo/builder/xla_computation.h"
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

/** A buffer handle's contents: filled at once by upload/execute, or later by the launcher thread. */
struct Slot {
  std::unique_ptr<xla::PjRtBuffer> buf;
  bool ready = false;
  std::string error;  // why it will never be computed (its execution failed)
};
using SlotPtr = std::shared_ptr<Slot>;

struct Exe {
  std::unique_ptr<xla::PjRtLoadedExecutable> exe;
  size_t outputs = 0;
};
using ExePtr = std::shared_ptr<Exe>;

struct Job;

struct State {
  std::unique_ptr<xla::PjRtClient> client;
  std::unordered_map<int64_t, ExePtr> exes;
  std::unordered_map<int64_t, SlotPtr> bufs;
  int64_t next = 1;
  std::mutex mu;                  // guards every Slot's fields and `queue`
  std::condition_variable cv;     // a Slot became ready or failed, or a job left the queue
  std::deque<Job*> queue;         // the launcher's jobs, oldest first (the front one is running)
  bool launcher = false;
};

State& state() {
  static State* s = new State();  // never destroyed: XLA's threads may outlive static teardown
  return *s;
}

/** How many jobs may wait in the queue before executeAsync blocks the caller. */
constexpr size_t kMaxQueued = 2;

std::string describe(const std::string& what, const absl::Status& st) {
  return "xla: " + what + ": " + std::string(st.message()) + " (" + absl::StatusCodeToString(st.code()) + ")";
}

[[noreturn]] void fail(const Napi::Env& env, const std::string& what, const absl::Status& st) {
  throw Napi::Error::New(env, describe(what, st));
}

xla::PjRtClient* client(const Napi::Env& env) {
  State& s = state();
  if (!s.client) {
    // Asynchronous dispatch, as JAX's client (outputs are awaited before a handle counts as
    // ready either way). Measured in alternating runs: no clear difference on the MLP step.
    // LT_XLA_CPU_ASYNC=0 selects the synchronous client.
    xla::CpuClientOptions options;
    const char* async = std::getenv("LT_XLA_CPU_ASYNC");
    options.asynchronous = !(async && async[0] == '0');
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

/** Waits until the slot is computed; returns its buffer, or the error that it never will be. */
absl::StatusOr<xla::PjRtBuffer*> awaitSlot(const SlotPtr& slot) {
  State& s = state();
  std::unique_lock<std::mutex> lock(s.mu);
  s.cv.wait(lock, [&] { return slot->ready || !slot->error.empty(); });
  if (!slot->error.empty()) return absl::FailedPreconditionError(slot->error);
  return slot->buf.get();
}

SlotPtr readySlot(std::unique_ptr<xla::PjRtBuffer> buf) {
  auto slot = std::make_shared<Slot>();
  slot->buf = std::move(buf);
  slot->ready = true;
  return slot;
}

int64_t addBuffer(SlotPtr slot) {
  State& s = state();
  int64_t h = s.next++;
  s.bufs[h] = std::move(slot);
  return h;
}

SlotPtr findBuffer(const Napi::Env& env, int64_t h, const char* op) {
  auto b = state().bufs.find(h);
  if (b == state().bufs.end()) throw Napi::Error::New(env, std::string("xla: ") + op + ": unknown buffer " + std::to_string(h));
  return b->second;
}

ExePtr findExe(const Napi::Env& env, int64_t h, const char* op) {
  auto it = state().exes.find(h);
  if (it == state().exes.end()) throw Napi::Error::New(env, std::string("xla: ") + op + ": unknown executable " + std::to_string(h));
  return it->second;
}

/** Which ops XLA hands to YNNPACK: dots and reductions, as jaxlib 0.10's XLA does by default
 *  (TensorFlow 2.21's XLA offloads only reductions, and its Eigen dots made the MLP step slower
 *  than jax.jit's). LT_XLA_CPU_YNN=xla keeps XLA's defaults; a ynn fusion type in XLA_FLAGS wins. */
void cpuLibraryFusions(xla::DebugOptions& debug) {
  const char* env = std::getenv("LT_XLA_CPU_YNN");
  const char* flags = std::getenv("XLA_FLAGS");
  if ((env && std::strcmp(env, "xla") == 0) || (flags && std::strstr(flags, "ynn_fusion_type"))) return;
  debug.clear_xla_cpu_experimental_ynn_fusion_type();
  debug.add_xla_cpu_experimental_ynn_fusion_type(xla::DebugOptions::LIBRARY_FUSION_TYPE_DOT);
  debug.add_xla_cpu_experimental_ynn_fusion_type(xla::DebugOptions::LIBRARY_FUSION_TYPE_REDUCE);
}

/** Parses and compiles StableHLO text (any thread: the client is thread-safe). */
absl::StatusOr<ExePtr> compileText(xla::PjRtClient* c, const std::string& text) {
  xla::XlaComputation comp;
  absl::Status st = xla::ParseMlirModuleStringAndConvertToXlaComputation(text, comp, false, false);
  if (!st.ok()) return absl::Status(st.code(), "parsing StableHLO: " + std::string(st.message()));
  xla::CompileOptions options;
  cpuLibraryFusions(*options.executable_build_options.mutable_debug_options());
  auto exe = c->CompileAndLoad(comp, options);
  if (!exe.ok()) return absl::Status(exe.status().code(), "compiling: " + std::string(exe.status().message()));
  auto shapes = (*exe)->GetOutputShapes();  // executeAsync hands out the output handles before running
  if (!shapes.ok() || shapes->size() != 1) return absl::InternalError("compiling: no output shapes for one program");
  auto out = std::make_shared<Exe>();
  const xla::Shape& shape = (*shapes)[0];
  out->outputs = shape.IsTuple() ? shape.tuple_shapes().size() : 1;
  out->exe = std::move(*exe);
  return out;
}

/** Runs an executable over ready buffers and waits for its results. */
absl::StatusOr<std::vector<std::unique_ptr<xla::PjRtBuffer>>> run(const Exe& e, const std::vector<xla::PjRtBuffer*>& argv) {
  xla::ExecuteOptions options;
  std::vector<std::vector<xla::PjRtBuffer*>> all{argv};
  auto res = e.exe->Execute(all, options);
  if (!res.ok()) return res.status();
  if (res->size() != 1) return absl::InternalError("expected results for one device");
  auto& outs = (*res)[0];
  if (outs.size() != e.outputs) {
    return absl::InternalError("expected " + std::to_string(e.outputs) + " results, got " + std::to_string(outs.size()));
  }
  for (auto& o : outs) {
    absl::Status ready = o->GetReadyFuture().Await();
    if (!ready.ok()) return ready;
  }
  return std::move(outs);
}

Napi::Value Compile(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "xla: compile(mlirText: string)");
  std::string text = info[0].As<Napi::String>().Utf8Value();
  auto exe = compileText(client(env), text);
  if (!exe.ok()) fail(env, "compile", exe.status());
  State& s = state();
  int64_t h = s.next++;
  s.exes[h] = std::move(*exe);
  return Napi::Number::New(env, static_cast<double>(h));
}

Napi::Value Upload(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t dtype = argInt(info, 0, "dtype");
  if (info.Length() < 2 || !info[1].IsTypedArray()) throw Napi::TypeError::New(env, "xla: upload(dtype, data: TypedArray, dims?: number[])");
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
  std::vector<int64_t> dims = uploadDims(info, 2, n, "xla");
  auto buf = c->BufferFromHostBuffer(data, type, dims, std::nullopt,
                                     xla::PjRtClient::HostBufferSemantics::kImmutableOnlyDuringCall,
                                     nullptr, *mem, nullptr);
  if (!buf.ok()) fail(env, "upload", buf.status());
  absl::Status ready = (*buf)->GetReadyFuture().Await();
  if (!ready.ok()) fail(env, "upload", ready);
  return Napi::Number::New(env, static_cast<double>(addBuffer(readySlot(std::move(*buf)))));
}

/** The slots of execute's argument handles (throws on a bad handle: nothing is enqueued then). */
std::vector<SlotPtr> argSlots(const Napi::CallbackInfo& info, const char* op) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[1].IsArray()) throw Napi::TypeError::New(env, std::string("xla: ") + op + "(exe, args: number[])");
  Napi::Array args = info[1].As<Napi::Array>();
  std::vector<SlotPtr> slots;
  for (uint32_t i = 0; i < args.Length(); i++) {
    Napi::Value v = args[i];
    if (!v.IsNumber()) throw Napi::TypeError::New(env, std::string("xla: ") + op + ": args must be buffer handles");
    slots.push_back(findBuffer(env, v.As<Napi::Number>().Int64Value(), op));
  }
  return slots;
}

/** Waits for every argument (some may still be computed by the launcher thread). */
absl::StatusOr<std::vector<xla::PjRtBuffer*>> awaitArgs(const std::vector<SlotPtr>& slots) {
  std::vector<xla::PjRtBuffer*> argv;
  for (size_t i = 0; i < slots.size(); i++) {
    auto b = awaitSlot(slots[i]);
    if (!b.ok()) return absl::FailedPreconditionError("argument " + std::to_string(i) + " was never computed: " + std::string(b.status().message()));
    argv.push_back(*b);
  }
  return argv;
}

Napi::Value Execute(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ExePtr e = findExe(env, argInt(info, 0, "executable"), "execute");
  std::vector<SlotPtr> slots = argSlots(info, "execute");
  auto argv = awaitArgs(slots);
  if (!argv.ok()) fail(env, "execute", argv.status());
  auto outs = run(*e, *argv);
  if (!outs.ok()) fail(env, "execute", outs.status());
  Napi::Array handles = Napi::Array::New(env, outs->size());
  for (size_t i = 0; i < outs->size(); i++) {
    handles[i] = Napi::Number::New(env, static_cast<double>(addBuffer(readySlot(std::move((*outs)[i])))));
  }
  return handles;
}

/** A computed buffer's bytes, copied straight into a new Uint8Array on the main thread: the CPU
 *  client's buffers are host memory, read through an external reference. (A Literal, or
 *  CopyRawToHost, hands the copy to XLA's thread pool and waits: ~100 us after an execute here,
 *  the wake-up of a pool thread, for a read of one float.) Throws a JS error. */
Napi::Uint8Array hostBytes(Napi::Env env, int64_t h, const SlotPtr& slot) {
  const std::string what = "download of buffer " + std::to_string(h);
  auto b = awaitSlot(slot);
  if (!b.ok()) fail(env, what, absl::FailedPreconditionError("it was never computed: " + std::string(b.status().message())));
  auto size = (*b)->GetOnDeviceSizeInBytes();
  if (!size.ok()) fail(env, what, size.status());
  absl::Status ready = (*b)->GetReadyFuture().Await();
  if (!ready.ok()) fail(env, what, ready);
  Napi::Uint8Array out = Napi::Uint8Array::New(env, *size);
  if (*size == 0) return out;
  auto ref = (*b)->AcquireExternalReference();
  if (ref.ok()) {
    std::memcpy(out.Data(), (*ref)->OpaqueDeviceMemoryDataPointer(), *size);
  } else {  // a client whose memory is not the host's
    absl::Status copied = (*b)->CopyRawToHost(out.Data(), 0, static_cast<int64_t>(*size)).Await();
    if (!copied.ok()) fail(env, what, copied);
  }
  return out;
}

/** Resolves `d` with the buffer's bytes, or rejects it with hostBytes' error. */
void settleBytes(Napi::Env env, Napi::Promise::Deferred& d, int64_t h, const SlotPtr& slot) {
  try {
    d.Resolve(hostBytes(env, h, slot));
  } catch (const Napi::Error& e) {
    d.Reject(e.Value());
  }
}

Napi::Value Download(const Napi::CallbackInfo& info) {
  int64_t h = argInt(info, 0, "buffer");
  return hostBytes(info.Env(), h, findBuffer(info.Env(), h, "download"));
}

Napi::Value Free(const Napi::CallbackInfo& info) {
  // A job that reads or makes this buffer holds its Slot: the device memory goes with the last.
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
  State& s = state();
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("buffers", static_cast<double>(s.bufs.size()));
  o.Set("executables", static_cast<double>(s.exes.size()));
  std::lock_guard<std::mutex> lock(s.mu);
  o.Set("queued", static_cast<double>(s.queue.size()));
  return o;
}

// ---- The launcher thread -------------------------------------------------------------------

/** One async call: run on the launcher thread, settled on the main thread through `tsfn`. */
struct Job {
  enum Kind { kCompile, kExecute, kDownload } kind;
  explicit Job(Napi::Env env, Kind k)
      : kind(k), deferred(Napi::Promise::Deferred::New(env)),
        tsfn(Napi::ThreadSafeFunction::New(env, Napi::Function::New(env, [](const Napi::CallbackInfo&) {}), "lazytensor-xla", 0, 1)) {}
  std::string text;                // compile: the StableHLO
  ExePtr exe;                      // compile: the result; execute: what runs
  std::vector<SlotPtr> args, outs; // execute
  SlotPtr src;                     // download: the buffer, and its handle (for messages)
  int64_t h = 0;
  absl::Status status;
  double ms = 0;
  Napi::Promise::Deferred deferred;
  Napi::ThreadSafeFunction tsfn;   // keeps the event loop alive until the job is settled
};

/** Runs one job on the launcher thread; marks an execute's outputs ready or failed. */
void work(Job* job) {
  auto t0 = std::chrono::steady_clock::now();
  State& s = state();
  if (job->kind == Job::kCompile) {
    auto exe = compileText(s.client.get(), job->text);
    if (exe.ok()) job->exe = std::move(*exe);
    else job->status = exe.status();
  } else if (job->kind == Job::kDownload) {
    // Only wait here, off the main thread: settle copies the bytes (hostBytes), and reports
    // a buffer that was never computed or failed.
    auto b = awaitSlot(job->src);
    if (b.ok()) (*b)->GetReadyFuture().Await().IgnoreError();
  } else {
    auto argv = awaitArgs(job->args);
    absl::StatusOr<std::vector<std::unique_ptr<xla::PjRtBuffer>>> outs =
        argv.ok() ? run(*job->exe, *argv) : absl::StatusOr<std::vector<std::unique_ptr<xla::PjRtBuffer>>>(argv.status());
    {
      std::lock_guard<std::mutex> lock(s.mu);
      if (outs.ok()) {
        for (size_t i = 0; i < job->outs.size(); i++) {
          job->outs[i]->buf = std::move((*outs)[i]);
          job->outs[i]->ready = true;
        }
      } else {
        job->status = outs.status();
        std::string why = describe("execute", outs.status());
        for (auto& o : job->outs) o->error = why;
      }
    }
    job->args.clear();  // the arguments may be freed now (outside the lock: that may take a while)
  }
  job->ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/** On the main thread: resolves or rejects the job's Promise, then deletes the job. */
void settle(Napi::Env env, Napi::Function, Job* job) {
  std::unique_ptr<Job> owned(job);
  if (env == nullptr) return;  // the environment is shutting down
  Napi::HandleScope scope(env);
  if (!job->status.ok()) {
    const char* what = job->kind == Job::kCompile ? "compile" : job->kind == Job::kDownload ? "download" : "execute";
    job->deferred.Reject(Napi::Error::New(env, describe(what, job->status)).Value());
  } else if (job->kind == Job::kCompile) {
    State& s = state();
    int64_t h = s.next++;
    s.exes[h] = job->exe;
    job->deferred.Resolve(Napi::Number::New(env, static_cast<double>(h)));
  } else if (job->kind == Job::kDownload) {
    settleBytes(env, job->deferred, job->h, job->src);
  } else {
    job->deferred.Resolve(Napi::Number::New(env, job->ms));
  }
}

void launcherLoop() {
  State& s = state();
  for (;;) {
    Job* job;
    {
      std::unique_lock<std::mutex> lock(s.mu);
      s.cv.wait(lock, [&] { return !s.queue.empty(); });
      job = s.queue.front();
    }
    try {
      work(job);
    } catch (const std::exception& e) {  // never let an exception end the process on this thread
      job->status = absl::InternalError(std::string("unexpected: ") + e.what());
      std::lock_guard<std::mutex> lock(s.mu);
      for (auto& o : job->outs) if (!o->ready) o->error = describe("execute", job->status);
    }
    {
      std::lock_guard<std::mutex> lock(s.mu);
      s.queue.pop_front();
    }
    s.cv.notify_all();
    Napi::ThreadSafeFunction tsfn = job->tsfn;
    if (tsfn.BlockingCall(job, settle) != napi_ok) delete job;  // closing: nobody to tell
    tsfn.Release();
  }
}

/** Queues a job (main thread); the launcher thread starts with the first one. */
void enqueue(Job* job, size_t maxQueued) {
  State& s = state();
  {
    std::unique_lock<std::mutex> lock(s.mu);
    s.cv.wait(lock, [&] { return s.queue.size() < maxQueued; });
    s.queue.push_back(job);
    if (!s.launcher) {
      s.launcher = true;
      std::thread(launcherLoop).detach();  // lives as long as the process, as XLA's own threads
    }
  }
  s.cv.notify_all();
}

Napi::Value CompileAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "xla: compileAsync(mlirText: string)");
  client(env);  // created on the main thread, so that failing to create it throws here
  Job* job = new Job(env, Job::kCompile);
  job->text = info[0].As<Napi::String>().Utf8Value();
  Napi::Promise p = job->deferred.Promise();
  enqueue(job, SIZE_MAX);
  return p;
}

Napi::Value ExecuteAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  ExePtr e = findExe(env, argInt(info, 0, "executable"), "executeAsync");
  std::vector<SlotPtr> args = argSlots(info, "executeAsync");
  Job* job = new Job(env, Job::kExecute);
  job->exe = std::move(e);
  job->args = std::move(args);
  Napi::Array handles = Napi::Array::New(env, job->exe->outputs);
  for (size_t i = 0; i < job->exe->outputs; i++) {
    job->outs.push_back(std::make_shared<Slot>());
    handles[i] = Napi::Number::New(env, static_cast<double>(addBuffer(job->outs.back())));
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("outputs", handles);
  result.Set("done", job->deferred.Promise());
  enqueue(job, kMaxQueued);
  return result;
}

Napi::Value DownloadAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t h = argInt(info, 0, "buffer");
  SlotPtr slot = findBuffer(env, h, "downloadAsync");
  bool ready;
  {
    std::lock_guard<std::mutex> lock(state().mu);
    ready = slot->ready;
  }
  if (ready) {  // no need for a round trip through the launcher thread
    auto d = Napi::Promise::Deferred::New(env);
    settleBytes(env, d, h, slot);
    return d.Promise();
  }
  Job* job = new Job(env, Job::kDownload);
  job->src = std::move(slot);
  job->h = h;
  Napi::Promise p = job->deferred.Promise();
  enqueue(job, SIZE_MAX);
  return p;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("compile", Napi::Function::New(env, Compile));
  exports.Set("upload", Napi::Function::New(env, Upload));
  exports.Set("execute", Napi::Function::New(env, Execute));
  exports.Set("download", Napi::Function::New(env, Download));
  exports.Set("free", Napi::Function::New(env, Free));
  exports.Set("release", Napi::Function::New(env, Release));
  exports.Set("stats", Napi::Function::New(env, Stats));
  exports.Set("compileAsync", Napi::Function::New(env, CompileAsync));
  exports.Set("executeAsync", Napi::Function::New(env, ExecuteAsync));
  exports.Set("downloadAsync", Napi::Function::New(env, DownloadAsync));
  return exports;
}

}  // namespace

NODE_API_MODULE(lazytensor_xla, Init)
