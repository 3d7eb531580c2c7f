// gather with out-of-range indices
module @lazytensor {
  func.func public @main(%arg0: tensor<3x4x2xf32>, %arg1: tensor<2x3xi32>) -> (tensor<3x2x3x2xf32>) {
    %0 = "stablehlo.reshape"(%arg1) : (tensor<2x3xi32>) -> tensor<2x3x1xi32>
    %1 = "stablehlo.gather"(%arg0, %0) {dimension_numbers = #stablehlo.gather<offset_dims = [0, 3], collapsed_slice_dims = [1], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 3, 1, 2>} : (tensor<3x4x2xf32>, tensor<2x3x1xi32>) -> tensor<3x2x3x2xf32>
    %2 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %3 = "stablehlo.broadcast_in_dim"(%2) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<2x3xi32>
    %4 = "stablehlo.compare"(%arg1, %3) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
    %5 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<2x3xi32>
    %7 = "stablehlo.compare"(%arg1, %6) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
    %8 = "stablehlo.and"(%4, %7) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
    %9 = "stablehlo.broadcast_in_dim"(%8) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<2x3xi1>) -> tensor<3x2x3x2xi1>
    %10 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<3x2x3x2xf32>
    %12 = "stablehlo.select"(%9, %1, %11) : (tensor<3x2x3x2xi1>, tensor<3x2x3x2xf32>, tensor<3x2x3x2xf32>) -> tensor<3x2x3x2xf32>
    "func.return"(%12) : (tensor<3x2x3x2xf32>) -> ()
  }
}
