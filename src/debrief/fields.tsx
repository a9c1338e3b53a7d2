// The debrief's own kinds of field, used by several of its sections.
import type { ComponentChildren } from 'preact';
import { RATINGS, type Debrief, type Rating } from '../domain/debrief';
import type { DebriefSectionProps } from './useDebriefAutosave';

/** Yes, partly or no, as radio buttons under one question. */
export function RatingGroup(props: {
  legend: string;
  name: string;
  value: Rating | null;
  onChange: (value: Rating) => void;
}) {
  return (
    <fieldset class="rating">
      <legend>{props.legend}</legend>
      {RATINGS.map((rating) => (
        <label key={rating}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === rating}
            onChange={() => props.onChange(rating)}
          />
          {rating}
        </label>
      ))}
    </fieldset>
  );
}

type TextFieldOf<Part> = { [K in keyof Part]: Part[K] extends string ? K : never }[keyof Part];
type Part = 'selfAssessment' | 'outcome' | 'coaching';

/** One text field of a part of the debrief, under its label, changed as it is typed; with `rows`, a textarea. */
export function DebriefText<P extends Part>(
  props: DebriefSectionProps & {
    label: ComponentChildren;
    part: P;
    field: TextFieldOf<Debrief[P]>;
    maxLength: number;
    rows?: number;
  },
) {
  const { value, update, part, field, maxLength } = props;
  const text = value[part][field] as string;
  const onInput = (event: { currentTarget: { value: string } }) =>
    update((d) => ({ ...d, [part]: { ...d[part], [field]: event.currentTarget.value } }));
  return (
    <label>
      {props.label}
      {props.rows ? (
        <textarea rows={props.rows} maxLength={maxLength} value={text} onInput={onInput} />
      ) : (
        <input maxLength={maxLength} value={text} onInput={onInput} />
      )}
    </label>
  );
}
