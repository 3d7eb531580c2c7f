// prod float32 axis 1 keepDims
module @lazytensor {
  func.func public @main(%arg0: tensor<2x4x3xf32>) -> (tensor<2x1x3xf32>) {
    %3 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %4 = "stablehlo.reduce"(%arg0, %3) ({
    ^bb0(%0: tensor<f32>, %1: tensor<f32>):
      %2 = "stablehlo.multiply"(%0, %1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%2) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<2x4x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %5 = "stablehlo.reshape"(%4) : (tensor<2x3xf32>) -> tensor<2x1x3xf32>
    "func.return"(%5) : (tensor<2x1x3xf32>) -> ()
  }
}

// prod int32 all axes
module @lazytensor {
  func.func public @main(%arg0: tensor<2x3xi32>) -> (tensor<i32>) {
    %3 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %4 = "stablehlo.reduce"(%arg0, %3) ({
    ^bb0(%0: tensor<i32>, %1: tensor<i32>):
      %2 = "stablehlo.multiply"(%0, %1) : (tensor<i32>, tensor<i32>) -> tensor<i32>
      "stablehlo.return"(%2) : (tensor<i32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<2x3xi32>, tensor<i32>) -> tensor<i32>
    "func.return"(%4) : (tensor<i32>) -> ()
  }
}
