// floorDiv float32 broadcast
module @lazytensor {
  func.func public @main(%arg0: tensor<3x1x4xf32>, %arg1: tensor<5x4xf32>) -> (tensor<3x5x4xi32>) {
    %0 = "stablehlo.broadcast_in_dim"(%arg0) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<3x1x4xf32>) -> tensor<3x5x4xf32>
    %1 = "stablehlo.broadcast_in_dim"(%arg1) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<5x4xf32>) -> tensor<3x5x4xf32>
    %2 = "stablehlo.divide"(%0, %1) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %3 = "stablehlo.floor"(%2) : (tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %4 = "stablehlo.constant"() {value = dense<0x4F800000> : tensor<f32>} : () -> tensor<f32>
    %5 = "stablehlo.broadcast_in_dim"(%4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<3x5x4xf32>
    %6 = "stablehlo.remainder"(%3, %5) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %7 = "stablehlo.constant"() {value = dense<0x4F800000> : tensor<f32>} : () -> tensor<f32>
    %8 = "stablehlo.broadcast_in_dim"(%7) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<3x5x4xf32>
    %9 = "stablehlo.constant"() {value = dense<0x4F000000> : tensor<f32>} : () -> tensor<f32>
    %10 = "stablehlo.broadcast_in_dim"(%9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<3x5x4xf32>
    %11 = "stablehlo.compare"(%6, %10) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xi1>
    %12 = "stablehlo.subtract"(%6, %8) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %13 = "stablehlo.select"(%11, %12, %6) : (tensor<3x5x4xi1>, tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %14 = "stablehlo.constant"() {value = dense<0xCF000000> : tensor<f32>} : () -> tensor<f32>
    %15 = "stablehlo.broadcast_in_dim"(%14) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<3x5x4xf32>
    %16 = "stablehlo.compare"(%13, %15) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xi1>
    %17 = "stablehlo.add"(%13, %8) : (tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %18 = "stablehlo.select"(%16, %17, %13) : (tensor<3x5x4xi1>, tensor<3x5x4xf32>, tensor<3x5x4xf32>) -> tensor<3x5x4xf32>
    %19 = "stablehlo.is_finite"(%3) : (tensor<3x5x4xf32>) -> tensor<3x5x4xi1>
    %20 = "stablehlo.convert"(%18) : (tensor<3x5x4xf32>) -> tensor<3x5x4xi32>
    %21 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %22 = "stablehlo.broadcast_in_dim"(%21) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<3x5x4xi32>
    %23 = "stablehlo.select"(%19, %20, %22) : (tensor<3x5x4xi1>, tensor<3x5x4xi32>, tensor<3x5x4xi32>) -> tensor<3x5x4xi32>
    "func.return"(%23) : (tensor<3x5x4xi32>) -> ()
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
