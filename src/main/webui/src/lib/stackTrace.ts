// Splits a stack trace into lines and marks frames, so it reads well in monospace.

export interface TraceLine {
  text: string
  kind: 'frame' | 'frame-app' | 'header' | 'other'
}

const FRAME = /^\s*(at\s|File\s"|#\d+\s|\S+@\S+:\d+)/
const LIBRARY = /(node_modules|\/site-packages\/|\/lib\/python|<anonymous>|\bjava\.|\bjdk\.|\bsun\.|\bio\.quarkus\.|\bio\.vertx\.)/

export function splitStackTrace(trace: string): TraceLine[] {
  return trace
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((text): TraceLine => {
      if (FRAME.test(text)) return { text, kind: LIBRARY.test(text) ? 'frame' : 'frame-app' }
      if (/^\S/.test(text) && text.trim() !== '') return { text, kind: 'header' }
      return { text, kind: 'other' }
    })
}
