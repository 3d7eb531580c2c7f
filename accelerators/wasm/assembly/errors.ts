// What compile and execute return when they refuse: negative, so any id >= 0 is a success.

/** Word 0 is not the magic `0x4750544C`. */
export const ERR_MAGIC: i32 = -1;
/** Word 1 is a format version this interpreter does not know. */
export const ERR_VERSION: i32 = -2;
/** The word count disagrees: nWords vs word 5, records running past the end, or the words
 *  left after the records are not exactly nOutputs. */
export const ERR_LENGTH: i32 = -3;
/** A negative count in the header, or a reserved word that is not 0. */
export const ERR_HEADER: i32 = -4;
/** An opcode outside the table, or one only the core uses (`data`, `scalar`). */
export const ERR_OPCODE: i32 = -5;
/** A dtype word outside 0..2, or a dtype the op does not allow or that disagrees with its inputs. */
export const ERR_DTYPE: i32 = -6;
/** A rank outside 0..8 or a negative dim. */
export const ERR_RANK: i32 = -7;
/** A wrong number of inputs, or an input index that does not name an earlier record. */
export const ERR_INPUT: i32 = -8;
/** A wrong number of attribute words, or an attribute value out of range (axis, flag, dtype). */
export const ERR_ATTRS: i32 = -9;
/** dims that disagree with the inputs' dims and the attributes. */
export const ERR_SHAPE: i32 = -10;
/** A param slot out of range or used twice, or a slot with no param. */
export const ERR_PARAM: i32 = -11;
/** An output index out of range, or the same record listed twice. */
export const ERR_OUTPUT: i32 = -12;
/** A buffer over the allocator's largest block (1 GiB less a header). */
export const ERR_TOO_LARGE: i32 = -13;
/** execute: no executable with that id (never compiled, or released). */
export const ERR_EXECUTABLE: i32 = -14;
