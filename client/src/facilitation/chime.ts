/** A short two-tone chime from Web Audio: no sound file to ship. Browsers allow it after any click. */
export function playChime(): void {
  const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!AudioContextClass) return;
  const audio = new AudioContextClass();
  [880, 660].forEach((frequency, i) => {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, audio.currentTime + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + i * 0.25 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + i * 0.25 + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + i * 0.25);
    oscillator.stop(audio.currentTime + i * 0.25 + 0.45);
  });
  setTimeout(() => void audio.close(), 1500);
}
