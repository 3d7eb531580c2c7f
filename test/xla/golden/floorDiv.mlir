// floorDiv float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1x4xf32>, %arg1: tensor<5x4xf32>) -> (tensor<3x5x4xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.convert"(%0) : (tensor<3x5x4xf32>) -> tensor<3x5x4xf64>
    %3 = "stablehlo.convert"(%1) : (tensor<3x5x4xf32>) -> tensor<3x5x4xf64>
    %4 = "stablehlo.divide"(%2, %3) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %5 = "stablehlo.floor"(%4) : (tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %6 = "stablehlo.constant"() {value = dense<0x41F0000000000000> : tensor<f64>} : () -> tensor<f64>
    %7 = "stablehlo.broadcast_in_dim"(%6) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x5x4xf64>
    %8 = "stablehlo.remainder"(%5, %7) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %9 = "stablehlo.constant"() {value = dense<0x41F0000000000000> : tensor<f64>} : () -> tensor<f64>
    %10 = "stablehlo.broadcast_in_dim"(%9) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x5x4xf64>
    %11 = "stablehlo.constant"() {value = dense<0x41E0000000000000> : tensor<f64>} : () -> tensor<f64>
    %12 = "stablehlo.broadcast_in_dim"(%11) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x5x4xf64>
    %13 = "stablehlo.compare"(%8, %12) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %14 = "stablehlo.subtract"(%8, %10) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %15 = "stablehlo.select"(%13, %14, %8) : (tensor<3x5x4xi1>, tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %16 = "stablehlo.constant"() {value = dense<0xC1E0000000000000> : tensor<f64>} : () -> tensor<f64>
    %17 = "stablehlo.broadcast_in_dim"(%16) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x5x4xf64>
    %18 = "stablehlo.compare"(%15, %17) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %19 = "stablehlo.add"(%15, %10) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %20 = "stablehlo.select"(%18, %19, %15) : (tensor<3x5x4xi1>, tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %21 = "stablehlo.is_finite"(%5) : (tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %22 = "stablehlo.convert"(%20) : (tensor<3x5x4xf64>) -> tensor<3x5x4xi32>
    %23 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %24 = "stablehlo.broadcast_in_dim"(%23) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<3x5x4xi32>
    %25 = "stablehlo.select"(%21, %22, %24) : (tensor<3x5x4xi1>, tensor<3x5x4xi32>, tensor<3x5x4xi32>) -> tensor<3x5x4xi32>
    "func.return"(%25) : (tensor<3x5x4xi32>) -> ()
  }
}

// floorDiv int32
module @lazytensor {
  func.func public @main(%arg0: tensor<4x6xi32>, %arg1: tensor<6xi32>) -> (tensor<4x6xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1>} : (tensor<6xi32>) -> tensor<4x6xi32>
    %1 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %2 = "stablehlo.broadcast_in_dim"(%1) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<4x6xi32>
    %3 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<4x6xi32>
    %5 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<4x6xi32>
    %7 = "stablehlo.compare"(%0, %6) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %8 = "stablehlo.constant"() {value = dense<-1> : tensor<i32>} : () -> tensor<i32>
    %9 = "stablehlo.broadcast_in_dim"(%8) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<4x6xi32>
    %10 = "stablehlo.compare"(%0, %9) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %11 = "stablehlo.or"(%7, %10) : (tensor<4x6xi1>, tensor<4x6xi1>) -> tensor<4x6xi1>
    %12 = "stablehlo.select"(%11, %4, %0) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %13 = "stablehlo.divide"(%arg0, %12) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %14 = "stablehlo.remainder"(%arg0, %12) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %15 = "stablehlo.compare"(%14, %2) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %16 = "stablehlo.compare"(%arg0, %2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %17 = "stablehlo.compare"(%12, %2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %18 = "stablehlo.compare"(%16, %17) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type UNSIGNED>} : (tensor<4x6xi1>, tensor<4x6xi1>) -> tensor<4x6xi1>
    %19 = "stablehlo.and"(%15, %18) : (tensor<4x6xi1>, tensor<4x6xi1>) -> tensor<4x6xi1>
    %20 = "stablehlo.subtract"(%13, %4) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %21 = "stablehlo.select"(%19, %20, %13) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %22 = "stablehlo.negate"(%arg0) : (tensor<4x6xi32>) -> tensor<4x6xi32>
    %23 = "stablehlo.select"(%10, %22, %21) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %24 = "stablehlo.select"(%7, %2, %23) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    "func.return"(%24) : (tensor<4x6xi32>) -> ()
  }
}
