"use client";

import { useContext, useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { FormResultContext } from "../forms/form-result-context";
import { FieldError } from "./field";
import { inputClass, labelClass } from "./styles";

/** What the picker says, in the reader's language (the server translates; this component stays catalog-free). */
export interface PersonPickerTexts {
  /** Under the field with JavaScript: what may be typed. */
  hint: string;
  /** Under the plain field without JavaScript: the member number. */
  fallbackHint: string;
  noMatch: string;
  /** "{count} people found" with {count} replaced here. */
  found: string;
  /** Shown instead of a name the viewer may not see. */
  hiddenName: string;
  searchFailed: string;
  /** The list's own name ("Matching people"), apart from the field's label. */
  list: string;
}

interface Person {
  personId: number;
  name: string | null;
  memberNumber: number | null;
  statusName: string;
  email: string | null;
}

interface Props {
  label: string;
  name: string;
  /** Which picker this is (lib/domain/people/pick-people.ts PICK_PURPOSES): decides who may search and whom. */
  purpose: string;
  texts: PersonPickerTexts;
  id?: string;
  required?: boolean;
  /** A person already chosen (e.g. from the address bar): their id. */
  defaultPersonId?: number | null;
}

const PICKED = "person:";
const noSubscription = () => () => {};
const describe = (p: Person) => [p.memberNumber !== null ? `#${p.memberNumber}` : null, p.statusName, p.email].filter(Boolean).join(" · ");

/**
 * Choosing a person: type a name, member number, email or card and pick from the list (the ARIA combobox pattern:
 * arrows move, Enter picks, Escape closes). The form gets `person:<id>` for the one picked, or the typed text when
 * nobody was picked (a member number is enough). Without JavaScript it is a plain text field for the member number.
 * Searches go to /api/people/pick, which checks the chooser's permission and each person's visibility.
 */
export function PersonPicker({ label, name, purpose, texts, id, required, defaultPersonId }: Props) {
  const fieldId = id ?? `field-${name}`;
  const listId = useId();
  const result = useContext(FormResultContext);
  const error = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  // False on the server and in the first render: the plain field; true once the browser runs this script.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<Person | null>(null);
  const [options, setOptions] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const request = useRef(0);

  const search = async (q: string): Promise<Person[] | null> => {
    const response = await fetch(`/api/people/pick?${new URLSearchParams({ for: purpose, q })}`, { headers: { accept: "application/json" } });
    if (!response.ok) return null;
    return ((await response.json()) as { people: Person[] }).people;
  };

  // The answer the form got last: a refusal brings back what was typed, a success starts afresh.
  const again = result && !result.ok ? result.values?.[name] : undefined;
  const [seen, setSeen] = useState(result);
  if (result !== seen) {
    setSeen(result);
    setChosen(null);
    setText(again && !again.startsWith(PICKED) ? again : "");
  }

  // A person given by the page, or the one picked before a refused submission: shown by name again.
  const ref = again?.startsWith(PICKED) ? again : defaultPersonId ? `${PICKED}${defaultPersonId}` : null;
  useEffect(() => {
    if (!ref) return;
    let live = true;
    void search(ref).then((found) => {
      const person = found?.[0];
      if (!live || !person) return;
      setChosen(person);
      setText(person.name ?? texts.hiddenName);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, result]);

  if (!enhanced) {
    const hintId = `${fieldId}-hint`;
    return (
      <div>
        <label htmlFor={fieldId} className={labelClass}>
          {label}
        </label>
        <input
          id={fieldId}
          name={name}
          required={required}
          defaultValue={again ?? (defaultPersonId ? `${PICKED}${defaultPersonId}` : undefined)}
          inputMode="numeric"
          autoComplete="off"
          className={inputClass}
          aria-describedby={[error ? `${fieldId}-error` : null, hintId].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
        />
        <FieldError id={`${fieldId}-error`} error={error} />
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {texts.fallbackHint}
        </p>
      </div>
    );
  }

  const onType = (value: string) => {
    setText(value);
    setChosen(null);
    setActive(-1);
    const q = value.trim();
    const mine = ++request.current;
    if (q.length < 2 && !/^\d$/.test(q)) {
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    void search(q)
      .then((found) => {
        if (mine !== request.current) return; // an older answer arriving late
        setOptions(found ?? []);
        setOpen(true);
        setStatus(found === null ? texts.searchFailed : found.length === 0 ? texts.noMatch : texts.found.replace("{count}", String(found.length)));
      })
      .catch(() => setStatus(texts.searchFailed));
  };

  const pick = (person: Person) => {
    setChosen(person);
    setText(person.name ?? texts.hiddenName);
    setOpen(false);
    setActive(-1);
    setStatus(`${person.name ?? texts.hiddenName}, ${describe(person)}`);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open && options.length) setOpen(true);
      if (!options.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter" && open && active >= 0 && options[active]) {
      event.preventDefault(); // picking, not submitting
      pick(options[active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        onType("");
      }
    }
  };

  const hintId = `${fieldId}-hint`;
  const errorId = error ? `${fieldId}-error` : undefined;
  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="relative">
      <label htmlFor={fieldId} className={labelClass}>
        {label}
      </label>
      <input
        id={fieldId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        required={required}
        value={text}
        onChange={(e) => onType(e.target.value)}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className={inputClass}
      />
      <input type="hidden" name={name} value={chosen ? `${PICKED}${chosen.personId}` : text.trim()} />
      <ul
        id={listId}
        role="listbox"
        aria-label={texts.list}
        hidden={!open || options.length === 0}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white shadow-lg"
      >
        {options.map((p, i) => (
          <li
            key={p.personId}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(p)}
            className={`cursor-pointer px-3 py-2 ${i === active ? "bg-amber-100" : "hover:bg-slate-100"}`}
          >
            <span className="block font-medium text-slate-900">{p.name ?? texts.hiddenName}</span>
            <span className="block text-sm text-slate-700">{describe(p)}</span>
          </li>
        ))}
      </ul>
      {chosen && (
        <p className="mt-1 text-sm text-slate-700" data-testid="picked-person">
          {describe(chosen)}
        </p>
      )}
      <FieldError id={errorId} error={error} />
      <p id={hintId} className="mt-1 text-xs text-slate-500">
        {texts.hint}
      </p>
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
    </div>
  );
}
