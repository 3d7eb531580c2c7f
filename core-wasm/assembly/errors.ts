// Error codes returned (as negative numbers) by every core entry point. ts/engine/errors.ts
// turns each into a message that names the op and the input shapes.

export const E_ARITY: i32 = -1;          // wrong number of inputs
export const E_DTYPE: i32 = -2;          // an input dtype the op does not accept
export const E_DTYPE_MISMATCH: i32 = -3; // operands of different dtypes
export const E_BROADCAST: i32 = -4;      // shapes cannot be broadcast together
export const E_AXIS: i32 = -5;           // axis out of range
export const E_DUP_AXIS: i32 = -6;       // an axis given twice
export const E_PERM: i32 = -7;           // not a permutation of the axes
export const E_RESHAPE: i32 = -8;        // element counts differ
export const E_RANK: i32 = -9;           // rank too high, or wrong for the op
export const E_DIM: i32 = -10;           // a negative dimension or bad size attribute
export const E_MATMUL: i32 = -11;        // inner dimensions differ
export const E_CONCAT: i32 = -12;        // concat inputs differ off the axis
export const E_SLICE: i32 = -13;         // slice out of bounds
export const E_ATTR: i32 = -14;          // malformed attributes
export const E_DEAD: i32 = -15;          // an input node was released (tensor used after dispose)
export const E_SIZE: i32 = -16;          // more than 2^31 - 1 elements
export const E_OP: i32 = -17;            // unknown opcode
export const E_CHANNELS: i32 = -18;      // conv: the filter's input channels differ from the input's
export const E_WINDOW: i32 = -19;        // conv/pool: bad stride, dilation or padding, or the window does not fit
