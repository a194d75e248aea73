/** Adding videos from anywhere on the window: drop, paste, pick, import. */
export function AddVideos() {
  return null;
}
