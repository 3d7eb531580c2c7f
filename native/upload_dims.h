// The dims of an upload, shared by both transports: argument i of upload(dtype, data, dims?),
// an array of non-negative integers whose product is the element count n; absent, [n].
// Buffers carry the shapes that programs take, so XLA sees no reshape at a program's boundary
// (a reshape there lands inside the output fusions and slowed the MLP step by ~20%).
#pragma once

#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

inline std::vector<int64_t> uploadDims(const Napi::CallbackInfo& info, size_t i, int64_t n, const char* who) {
  if (info.Length() <= i || info[i].IsUndefined()) return {n};
  Napi::Env env = info.Env();
  const std::string bad = std::string(who) + ": upload: dims must be an array of non-negative integers";
  if (!info[i].IsArray()) throw Napi::TypeError::New(env, bad);
  Napi::Array a = info[i].As<Napi::Array>();
  std::vector<int64_t> dims;
  double count = 1;  // a double: a product of int32 dims can overflow int64
  for (uint32_t k = 0; k < a.Length(); k++) {
    Napi::Value v = a[k];
    double d = v.IsNumber() ? v.As<Napi::Number>().DoubleValue() : -1;
    if (!(d >= 0 && d <= 2147483647.0 && d == static_cast<double>(static_cast<int64_t>(d)))) throw Napi::TypeError::New(env, bad);
    dims.push_back(static_cast<int64_t>(d));
    count *= d;
  }
  if (count != static_cast<double>(n)) {
    throw Napi::RangeError::New(env, std::string(who) + ": upload: dims hold " + Napi::Number::New(env, count).ToString().Utf8Value() +
                                         " elements, data has " + std::to_string(n));
  }
  return dims;
}
