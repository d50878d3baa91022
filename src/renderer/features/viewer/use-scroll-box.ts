/**
 * A scrolling pane's inner size and scroll position, as React state: measured at once, again
 * whenever the pane changes size, and at most once per frame while it scrolls. The page column
 * and the thumbnail column both lay out only what is near their view from it.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export function useScrollBox<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [top, setTop] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { clientWidth: width, clientHeight: height } = el;
      // The same size keeps the same object, so effects that depend on it do not run again.
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
      setTop(el.scrollTop);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (ref.current) setTop(ref.current.scrollTop);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  /** Scrolls the pane and takes the new position at once, not a frame later (a page turn). */
  const scrollTo = useCallback((next: number) => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = next;
    setTop(el.scrollTop);
  }, []);

  return { ref, size, top, onScroll, scrollTo };
}
