import { RATINGS, type Rating } from '../domain/debrief';

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
