/**
 * The gesture hints name: "Double-tap" where the main pointer is a finger, "Double-click" with a
 * mouse or trackpad. Read once: a device does not change its main pointer while a board is open.
 */
export const DOUBLE_PRESS =
  typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 'Double-tap' : 'Double-click';
