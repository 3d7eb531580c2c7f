// pow float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1x4xf32>, %arg1: tensor<5x4xf32>) -> (tensor<3x5x4xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.power"(%0, %1) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    "func.return"(%2) : (tensor<3x5x4xf32>) -> ()
  }
}

// pow int32
module @lazytensor {
  func.func public @main(%arg0: tensor<4x6xi32>, %arg1: tensor<6xi32>) -> (tensor<4x6xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1>} : (tensor<6xi32>) -> tensor<4x6xi32>
    %1 = "stablehlo.convert"(%arg0) : (tensor<4x6xi32>) -> tensor<4x6xf64>
    %2 = "stablehlo.convert"(%0) : (tensor<4x6xi32>) -> tensor<4x6xf64>
    %3 = "stablehlo.power"(%1, %2) : (tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xf64>
    %4 = "stablehlo.constant"() {value = dense<0x41F0000000000000> : tensor<f64>} : () -> tensor<f64>
    %5 = "stablehlo.broadcast_in_dim"(%4) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<4x6xf64>
    %6 = "stablehlo.remainder"(%3, %5) : (tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xf64>
    %7 = "stablehlo.constant"() {value = dense<0x41F0000000000000> : tensor<f64>} : () -> tensor<f64>
    %8 = "stablehlo.broadcast_in_dim"(%7) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<4x6xf64>
    %9 = "stablehlo.constant"() {value = dense<0x41E0000000000000> : tensor<f64>} : () -> tensor<f64>
    %10 = "stablehlo.broadcast_in_dim"(%9) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<4x6xf64>
    %11 = "stablehlo.compare"(%6, %10) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xi1>
    %12 = "stablehlo.subtract"(%6, %8) : (tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xf64>
    %13 = "stablehlo.select"(%11, %12, %6) : (tensor<4x6xi1>, tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xf64>
    %14 = "stablehlo.constant"() {value = dense<0xC1E0000000000000> : tensor<f64>} : () -> tensor<f64>
    %15 = "stablehlo.broadcast_in_dim"(%14) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<4x6xf64>
    %16 = "stablehlo.compare"(%13, %15) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xi1>
    %17 = "stablehlo.add"(%13, %8) : (tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xf64>
    %18 = "stablehlo.select"(%16, %17, %13) : (tensor<4x6xi1>, tensor<4x6xf64>, tensor<4x6xf64>) -> tensor<4x6xf64>
    %19 = "stablehlo.is_finite"(%3) : (tensor<4x6xf64>) -> tensor<4x6xi1>
    %20 = "stablehlo.convert"(%18) : (tensor<4x6xf64>) -> tensor<4x6xi32>
    %21 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %22 = "stablehlo.broadcast_in_dim"(%21) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<4x6xi32>
    %23 = "stablehlo.select"(%19, %20, %22) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    "func.return"(%23) : (tensor<4x6xi32>) -> ()
  }
}
