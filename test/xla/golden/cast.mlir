// cast float32 -> int32
module @lazytensor {
  func.func public @main(%arg0: tensor<8xf32>) -> (tensor<8xi32>) {
    %0 = "stablehlo.constant"() {value = dense<0x4F800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %2 = "stablehlo.remainder"(%arg0, %1) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %3 = "stablehlo.constant"() {value = dense<0x4F800000> : tensor<f32>} : () -> tensor<f32>
    %4 = "stablehlo.broadcast_in_dim"(%3) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %5 = "stablehlo.constant"() {value = dense<0x4F000000> : tensor<f32>} : () -> tensor<f32>
    %6 = "stablehlo.broadcast_in_dim"(%5) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %7 = "stablehlo.compare"(%2, %6) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %8 = "stablehlo.subtract"(%2, %4) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %9 = "stablehlo.select"(%7, %8, %2) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %10 = "stablehlo.constant"() {value = dense<0xCF000000> : tensor<f32>} : () -> tensor<f32>
    %11 = "stablehlo.broadcast_in_dim"(%10) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %12 = "stablehlo.compare"(%9, %11) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %13 = "stablehlo.add"(%9, %4) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %14 = "stablehlo.select"(%12, %13, %9) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %15 = "stablehlo.is_finite"(%arg0) : (tensor<8xf32>) -> tensor<8xi1>
    %16 = "stablehlo.convert"(%14) : (tensor<8xf32>) -> tensor<8xi32>
    %17 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %18 = "stablehlo.broadcast_in_dim"(%17) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<8xi32>
    %19 = "stablehlo.select"(%15, %16, %18) : (tensor<8xi1>, tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
    "func.return"(%19) : (tensor<8xi32>) -> ()
  }
}

// cast float32 -> bool
module @lazytensor {
  func.func public @main(%arg0: tensor<8xf32>) -> (tensor<8xi1>) {
    %0 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %2 = "stablehlo.compare"(%arg0, %1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    "func.return"(%2) : (tensor<8xi1>) -> ()
  }
}

// cast int32 -> float32
module @lazytensor {
  func.func public @main(%arg0: tensor<8xi32>) -> (tensor<8xf32>) {
    %0 = "stablehlo.convert"(%arg0) : (tensor<8xi32>) -> tensor<8xf32>
    "func.return"(%0) : (tensor<8xf32>) -> ()
  }
}

// cast int32 -> bool
module @lazytensor {
  func.func public @main(%arg0: tensor<8xi32>) -> (tensor<8xi1>) {
    %0 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<8xi32>
    %2 = "stablehlo.compare"(%arg0, %1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi1>
    "func.return"(%2) : (tensor<8xi1>) -> ()
  }
}

// cast bool -> float32
module @lazytensor {
  func.func public @main(%arg0: tensor<8xi1>) -> (tensor<8xf32>) {
    %0 = "stablehlo.constant"() {value = dense<0x3F800000> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %2 = "stablehlo.constant"() {value = dense<0x00000000> : tensor<f32>} : () -> tensor<f32>
    %3 = "stablehlo.broadcast_in_dim"(%2) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %4 = "stablehlo.select"(%arg0, %1, %3) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    "func.return"(%4) : (tensor<8xf32>) -> ()
  }
}

// cast bool -> int32
module @lazytensor {
  func.func public @main(%arg0: tensor<8xi1>) -> (tensor<8xi32>) {
    %0 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %1 = "stablehlo.broadcast_in_dim"(%0) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<8xi32>
    %2 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %3 = "stablehlo.broadcast_in_dim"(%2) {broadcast_dimensions = array<i64>} : (tensor<i32>) -> tensor<8xi32>
    %4 = "stablehlo.select"(%arg0, %1, %3) : (tensor<8xi1>, tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
    "func.return"(%4) : (tensor<8xi32>) -> ()
  }
}
