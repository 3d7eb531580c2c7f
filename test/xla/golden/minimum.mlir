// minimum float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<5x4xf32>, %arg1: tensor<3x1x4xf32>) -> (tensor<3x5x4xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.minimum"(%0, %1) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %3 = "stablehlo.constant"() {value = dense<0x7FC00000> : tensor<f32>} : () -> tensor<f32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<3x5x4xf32>
    %5 = "stablehlo.compare"(%0, %0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xi1>
    %6 = "stablehlo.compare"(%1, %1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xi1>
    %7 = "stablehlo.select"(%6, %4, %2) : (tensor<3x5x4xi1>, tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %8 = "stablehlo.select"(%5, %4, %7) : (tensor<3x5x4xi1>, tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    "func.return"(%8) : (tensor<3x5x4xf32>) -> ()
  }
}

// minimum int32
module @lazytensor {
  func.func public @main(%arg0: tensor<6xi32>, %arg1: tensor<4x6xi32>) -> (tensor<4x6xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1>} : (tensor<6xi32>) -> tensor<4x6xi32>
    %1 = "stablehlo.minimum"(%0, %arg1) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    "func.return"(%1) : (tensor<4x6xi32>) -> ()
  }
}
