"use client";
import { useState } from "react";

/** curl / Node / PHP tabs for one example request. */
export function CodeSamples({ samples, label }: { samples: { curl: string; node: string; php: string }; label: string }) {
  const [tab, setTab] = useState<keyof typeof samples>("curl");
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 text-xs">
        {(Object.keys(samples) as (keyof typeof samples)[]).map((key) => (
          <button
            key={key}
            role="tab"
            aria-selected={tab === key}
            type="button"
            onClick={() => setTab(key)}
            className={`rounded-t-md px-3 py-1 font-medium ${tab === key ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-600 hover:bg-slate-200"}`}
          >
            {key === "node" ? "Node (fetch)" : key === "php" ? "PHP" : "curl"}
          </button>
        ))}
      </div>
      <pre role="tabpanel" tabIndex={0} className="overflow-x-auto rounded-b-md rounded-tr-md bg-slate-900 p-3 text-xs text-slate-100"><code>{samples[tab]}</code></pre>
    </div>
  );
}
