"use client";

import { useEffect, useState } from "react";
import { elder } from "@/lib/messages/elder";
import { Button } from "./ui/button";
import { Icon } from "./ui/icon";

/** A Chinese voice if the device has one; otherwise the browser picks by the utterance's language. */
function chineseVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | undefined {
  const voices = synth.getVoices?.() ?? [];
  return (
    voices.find((v) => v.lang.replace("_", "-").toLowerCase() === "zh-cn") ??
    voices.find((v) => v.lang.toLowerCase().startsWith("zh"))
  );
}

/**
 * 朗读: reads a notice or the study materials aloud with the browser's own speech synthesis, so
 * nothing is sent anywhere. Pressed again while reading, it stops. Says so plainly on a browser without it.
 */
export function ReadAloud({ text, label }: { text: string; label: string }) {
  const [speaking, setSpeaking] = useState(false);
  const [unsupported, setUnsupported] = useState(false);
  // Stop reading when the person leaves the page.
  useEffect(() => () => void (typeof window !== "undefined" && window.speechSynthesis?.cancel()), []);

  function toggle() {
    const synth = window.speechSynthesis;
    if (!synth || typeof SpeechSynthesisUtterance === "undefined") return setUnsupported(true);
    if (speaking) {
      synth.cancel();
      return setSpeaking(false);
    }
    synth.cancel(); // one reading at a time
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "zh-CN";
    utterance.rate = 0.9;
    const voice = chineseVoice(synth);
    if (voice) utterance.voice = voice;
    utterance.onend = utterance.onerror = () => setSpeaking(false);
    synth.speak(utterance);
    setSpeaking(true);
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="secondary"
        onClick={toggle}
        aria-label={speaking ? elder.stopReading : elder.readAloudLabel(label)}
      >
        <Icon name="speaker" className="size-5" />
        {speaking ? elder.stopReading : elder.readAloud}
      </Button>
      {unsupported && (
        <span role="status" className="text-sm text-stone-700">
          {elder.noSpeech}
        </span>
      )}
    </span>
  );
}
