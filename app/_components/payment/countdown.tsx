"use client";
import { useEffect, useState } from "react";

function remaining(until: number) {
  const seconds = Math.max(0, Math.floor((until - Date.now()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Time left until `until` (ISO), ticking every second. */
export function Countdown({ until, label }: { until: string; label: string }) {
  const end = new Date(until).getTime();
  const [text, setText] = useState(() => remaining(end));
  useEffect(() => {
    const timer = setInterval(() => setText(remaining(end)), 1000);
    return () => clearInterval(timer);
  }, [end]);
  return (
    <p className="text-sm text-slate-600">
      {label}: <span className="tabular font-semibold text-slate-900" role="timer">{text}</span>
    </p>
  );
}
