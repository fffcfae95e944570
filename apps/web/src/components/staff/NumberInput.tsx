import { useEffect, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number;
  /** NaN when the box is empty or not a number: the API then names the field in its 400. */
  onChange(value: number): void;
};

const show = (n: number) => (Number.isNaN(n) ? '' : String(n));
const parse = (text: string) => (text.trim() === '' ? NaN : Number(text));

/** A number box that keeps what is typed ("1." or "") while its value is a number. */
export function NumberInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => show(value));
  useEffect(() => {
    if (!Object.is(parse(text), value)) setText(show(value));
    // Only a change from outside (a reload) resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      {...rest}
      type="number"
      inputMode="decimal"
      step="any"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}
