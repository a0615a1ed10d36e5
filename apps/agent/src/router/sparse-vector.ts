/** A sparse feature vector: parallel arrays of feature indices and their values. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}
