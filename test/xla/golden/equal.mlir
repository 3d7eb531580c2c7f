// equal float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<5x4xf32>, %arg1: tensor<3x1x4xf32>) -> (tensor<3x5x4xi1>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.compare"(%0, %1) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xi1>
    "func.return"(%2) : (tensor<3x5x4xi1>) -> ()
  }
}

// equal int32
module @lazytensor {
  func.func public @main(%arg0: tensor<6xi32>, %arg1: tensor<4x6xi32>) -> (tensor<4x6xi1>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 1>} : (tensor<6xi32>) -> tensor<4x6xi32>
    %1 = "stablehlo.compare"(%0, %arg1) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    "func.return"(%1) : (tensor<4x6xi1>) -> ()
  }
}

// equal bool
module @lazytensor {
  func.func public @main(%arg0: tensor<2x4xi1>, %arg1: tensor<4xi1>) -> (tensor<2x4xi1>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1>} : (tensor<4xi1>) -> tensor<2x4xi1>
    %1 = "stablehlo.compare"(%arg0, %0) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type UNSIGNED>} : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
    "func.return"(%1) : (tensor<2x4xi1>) -> ()
  }
}
