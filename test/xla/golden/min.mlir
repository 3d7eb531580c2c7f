// min float32 axis 1 keepDims
module @lazytensor {
  func.func public @main(%arg0: tensor<2x4x3xf32>) -> (tensor<2x1x3xf32>) {
    %3 = "stablehlo.constant"() {value = dense<0x7F800000> : tensor<f32>} : () -> tensor<f32>
    %4 = "stablehlo.reduce"(%arg0, %3) ({
    ^bb0(%0: tensor<f32>, %1: tensor<f32>):
      %2 = "stablehlo.minimum"(%0, %1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%2) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<2x4x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %5 = "stablehlo.compare"(%arg0, %arg0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<2x4x3xf32>, tensor<2x4x3xf32>) -> tensor<2x4x3xi1>
    %9 = "stablehlo.constant"() {value = dense<false> : tensor<i1>} : () -> tensor<i1>
    %10 = "stablehlo.reduce"(%5, %9) ({
    ^bb0(%6: tensor<i1>, %7: tensor<i1>):
      %8 = "stablehlo.or"(%6, %7) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%8) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<2x4x3xi1>, tensor<i1>) -> tensor<2x3xi1>
    %11 = "stablehlo.constant"() {value = dense<0x7FC00000> : tensor<f32>} : () -> tensor<f32>
    %12 = "stablehlo.broadcast_in_dim"(%11) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<2x3xf32>
    %13 = "stablehlo.select"(%10, %12, %4) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    %14 = "stablehlo.reshape"(%13) : (tensor<2x3xf32>) -> tensor<2x1x3xf32>
    "func.return"(%14) : (tensor<2x1x3xf32>) -> ()
  }
}

// min int32 all axes
module @lazytensor {
  func.func public @main(%arg0: tensor<2x3xi32>) -> (tensor<i32>) {
    %3 = "stablehlo.constant"() {value = dense<2147483647> : tensor<i32>} : () -> tensor<i32>
    %4 = "stablehlo.reduce"(%arg0, %3) ({
    ^bb0(%0: tensor<i32>, %1: tensor<i32>):
      %2 = "stablehlo.minimum"(%0, %1) : (tensor<i32>, tensor<i32>) -> tensor<i32>
      "stablehlo.return"(%2) : (tensor<i32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<2x3xi32>, tensor<i32>) -> tensor<i32>
    "func.return"(%4) : (tensor<i32>) -> ()
  }
}

// min bool
module @lazytensor {
  func.func public @main(%arg0: tensor<3x4xi1>) -> (tensor<4xi1>) {
    %3 = "stablehlo.constant"() {value = dense<true> : tensor<i1>} : () -> tensor<i1>
    %4 = "stablehlo.reduce"(%arg0, %3) ({
    ^bb0(%0: tensor<i1>, %1: tensor<i1>):
      %2 = "stablehlo.and"(%0, %1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%2) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<3x4xi1>, tensor<i1>) -> tensor<4xi1>
    "func.return"(%4) : (tensor<4xi1>) -> ()
  }
}
