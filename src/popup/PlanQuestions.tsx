import { MAX_QUESTIONS } from '../domain/plan';
import { ListEditor } from '../ui/ListEditor';
import { newId, type PlanSectionProps } from './plan-section';

/** The questions the call should cover; the overlay ticks them off during the call. */
export function PlanQuestions({ value, update }: PlanSectionProps) {
  return (
    <fieldset>
      <legend>Questions to cover</legend>
      <ListEditor
        class="list-editor"
        buttonType="button"
        legend="Questions"
        items={value.questions}
        addLabel="Add question"
        max={MAX_QUESTIONS}
        full={`That’s ${MAX_QUESTIONS} questions, the most a plan holds. One call rarely covers more.`}
        onChange={(questions) => update({ questions })}
        create={() => ({ id: newId(), text: '' })}
        render={(question, index, change) => (
          <input
            aria-label={`Question ${index + 1}`}
            value={question.text}
            maxLength={300}
            onInput={(event) => change({ ...question, text: event.currentTarget.value })}
          />
        )}
        itemName={(_, index) => `question ${index + 1}`}
      />
    </fieldset>
  );
}
