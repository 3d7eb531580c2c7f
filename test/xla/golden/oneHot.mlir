// oneHot
module @lazytensor {
  func.func public @main(%arg0: tensor<2x3xi32>, %arg1: tensor<i32>, %arg2: tensor<i32>) -> (tensor<2x3x5xi32>) {
    %0 = "stablehlo.iota"() {iota_dimension = 2 : i64} : () -> tensor<2x3x5xi32>
    %1 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<2x3xi32>) -> tensor<2x3x5xi32>
    %2 = "stablehlo.compare"(%0, %1) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<2x3x5xi32>, tensor<2x3x5xi32>) -> tensor<2x3x5xi1>
    %3 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<2x3x5xi32>
    %4 = "stablehlo.broadcast_in_dim"(%arg2) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<2x3x5xi32>
    %5 = "stablehlo.select"(%2, %3, %4) : (tensor<2x3x5xi1>, tensor<2x3x5xi32>, tensor<2x3x5xi32>) -> tensor<2x3x5xi32>
    "func.return"(%5) : (tensor<2x3x5xi32>) -> ()
  }
}
