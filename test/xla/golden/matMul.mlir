// matMul batched broadcast transposeA=false transposeB=false
module @lazytensor {
  func.func public @main(%arg0: tensor<2x1x3x4xf32>, %arg1: tensor<3x4x5xf32>) -> (tensor<2x3x3x5xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<2x1x3x4xf32>) -> tensor<2x3x3x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2, 3>} : (tensor<3x4x5xf32>) -> tensor<2x3x4x5xf32>
    %2 = "stablehlo.dot_general"(%0, %1) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [2]>} : (tensor<2x3x3x4xf32>, tensor<2x3x4x5xf32>) -> tensor<2x3x3x5xf32>
    "func.return"(%2) : (tensor<2x3x3x5xf32>) -> ()
  }
}

// matMul batched broadcast transposeA=true transposeB=false
module @lazytensor {
  func.func public @main(%arg0: tensor<2x1x4x3xf32>, %arg1: tensor<3x4x5xf32>) -> (tensor<2x3x3x5xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<2x1x4x3xf32>) -> tensor<2x3x4x3xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2, 3>} : (tensor<3x4x5xf32>) -> tensor<2x3x4x5xf32>
    %2 = "stablehlo.dot_general"(%0, %1) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<2x3x4x3xf32>, tensor<2x3x4x5xf32>) -> tensor<2x3x3x5xf32>
    "func.return"(%2) : (tensor<2x3x3x5xf32>) -> ()
  }
}

// matMul batched broadcast transposeA=false transposeB=true
module @lazytensor {
  func.func public @main(%arg0: tensor<2x1x3x4xf32>, %arg1: tensor<3x5x4xf32>) -> (tensor<2x3x3x5xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<2x1x3x4xf32>) -> tensor<2x3x3x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2, 3>} : (tensor<3x5x4xf32>) -> tensor<2x3x5x4xf32>
    %2 = "stablehlo.dot_general"(%0, %1) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [3], rhs_contracting_dimensions = [3]>} : (tensor<2x3x3x4xf32>, tensor<2x3x5x4xf32>) -> tensor<2x3x3x5xf32>
    "func.return"(%2) : (tensor<2x3x3x5xf32>) -> ()
  }
}

// matMul batched broadcast transposeA=true transposeB=true
module @lazytensor {
  func.func public @main(%arg0: tensor<2x1x4x3xf32>, %arg1: tensor<3x5x4xf32>) -> (tensor<2x3x3x5xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<2x1x4x3xf32>) -> tensor<2x3x4x3xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2, 3>} : (tensor<3x5x4xf32>) -> tensor<2x3x5x4xf32>
    %2 = "stablehlo.dot_general"(%0, %1) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0, 1], rhs_batching_dimensions = [0, 1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [3]>} : (tensor<2x3x4x3xf32>, tensor<2x3x5x4xf32>) -> tensor<2x3x3x5xf32>
    "func.return"(%2) : (tensor<2x3x3x5xf32>) -> ()
  }
}

// matMul int32 2-D
module @lazytensor {
  func.func public @main(%arg0: tensor<3x4xi32>, %arg1: tensor<4x2xi32>) -> (tensor<3x2xi32>) {
    %0 = "stablehlo.dot_general"(%arg0, %arg1) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<3x4xi32>, tensor<4x2xi32>) -> tensor<3x2xi32>
    "func.return"(%0) : (tensor<3x2xi32>) -> ()
  }
}
