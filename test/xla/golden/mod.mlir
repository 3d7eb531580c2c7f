// mod float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1x4xf32>, %arg1: tensor<5x4xf32>) -> (tensor<3x5x4xf32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.convert"(%0) : (tensor<3x5x4xf32>) -> tensor<3x5x4xf64>
    %3 = "stablehlo.convert"(%1) : (tensor<3x5x4xf32>) -> tensor<3x5x4xf64>
    %4 = "stablehlo.remainder"(%2, %3) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %5 = "stablehlo.constant"() {value = dense<0x0000000000000000> : tensor<f64>} : () -> tensor<f64>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x5x4xf64>
    %7 = "stablehlo.compare"(%2, %6) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %8 = "stablehlo.compare"(%3, %6) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %9 = "stablehlo.and"(%7, %8) : (tensor<3x5x4xi1>, tensor<3x5x4xi1>) -> tensor<3x5x4xi1>
    %10 = "stablehlo.compare"(%2, %6) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %11 = "stablehlo.compare"(%3, %6) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xi1>
    %12 = "stablehlo.and"(%10, %11) : (tensor<3x5x4xi1>, tensor<3x5x4xi1>) -> tensor<3x5x4xi1>
    %13 = "stablehlo.or"(%9, %12) : (tensor<3x5x4xi1>, tensor<3x5x4xi1>) -> tensor<3x5x4xi1>
    %14 = "stablehlo.add"(%4, %3) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %15 = "stablehlo.remainder"(%14, %3) : (tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %16 = "stablehlo.select"(%13, %4, %15) : (tensor<3x5x4xi1>, tensor<3x5x4xf64>, tensor<3x5x4xf64>) -> tensor<3x5x4xf64>
    %17 = "stablehlo.convert"(%16) : (tensor<3x5x4xf64>) -> tensor<3x5x4xf32>
    "func.return"(%17) : (tensor<3x5x4xf32>) -> ()
  }
}

// mod int32
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
    %13 = "stablehlo.remainder"(%arg0, %12) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %14 = "stablehlo.compare"(%13, %2) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %15 = "stablehlo.compare"(%13, %2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %16 = "stablehlo.compare"(%0, %2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi1>
    %17 = "stablehlo.compare"(%15, %16) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type UNSIGNED>} : (tensor<4x6xi1>, tensor<4x6xi1>) -> tensor<4x6xi1>
    %18 = "stablehlo.and"(%14, %17) : (tensor<4x6xi1>, tensor<4x6xi1>) -> tensor<4x6xi1>
    %19 = "stablehlo.add"(%13, %0) : (tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %20 = "stablehlo.select"(%18, %19, %13) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    %21 = "stablehlo.select"(%7, %2, %20) : (tensor<4x6xi1>, tensor<4x6xi32>, tensor<4x6xi32>) -> tensor<4x6xi32>
    "func.return"(%21) : (tensor<4x6xi32>) -> ()
  }
}
