'use client';

import { useQuery } from 'urql';
import { Empty, ErrorState, Pending } from '../../components/states.tsx';
import type { MyActionItemFragment } from '../../generated/graphql.ts';
import { MyActionItemsQuery } from '../../graphql/response.ts';
import { ActionItemRow } from './action-item-row.tsx';
import { groupOwed } from './owed.ts';

const PAGE = 200;
const CLOSED = 20;

/** What the signed-in user owes across every incident: overdue first, then by due date, then recently closed. */
export function MyActionItems({ editable }: { editable: boolean }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: MyActionItemsQuery,
    variables: { first: PAGE, closed: CLOSED },
  });

  const header = (
    <div className="page-head">
      <div>
        <h1>My action items</h1>
        <p className="muted" style={{ margin: 0 }}>
          What you owe, across incidents: overdue first.
        </p>
      </div>
    </div>
  );
  if (!data?.me) {
    return (
      <>
        {header}
        {<Pending error={error} refetch={refetch} />}
      </>
    );
  }
  const me = data.me;
  const owed = groupOwed<MyActionItemFragment>([
    me.overdue.nodes,
    me.open.nodes,
    me.inProgress.nodes,
    me.done.nodes,
  ]);
  const truncated =
    me.overdue.pageInfo.hasNextPage || me.open.pageInfo.hasNextPage || me.inProgress.pageInfo.hasNextPage;

  const list = (items: MyActionItemFragment[], testId: string) => (
    <ul className="action-list" data-testid={testId}>
      {items.map((i) => (
        <ActionItemRow key={i.id} item={i} editable={editable} incident={i.incident} />
      ))}
    </ul>
  );

  return (
    <>
      {header}
      {error ? <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /> : null}
      <section className="counters" aria-label="Counters">
        <div className={owed.overdue.length ? 'counter alert' : 'counter'}>
          <strong data-testid="count-overdue">{owed.overdue.length}</strong>
          <span>overdue</span>
        </div>
        <div className="counter">
          <strong>{owed.todo.length}</strong>
          <span>to do</span>
        </div>
      </section>

      <section aria-labelledby="owed-overdue">
        <h2 id="owed-overdue" className={owed.overdue.length ? 'overdue-text' : undefined}>
          Overdue
        </h2>
        {owed.overdue.length ? list(owed.overdue, 'overdue-items') : <Empty>Nothing overdue.</Empty>}
      </section>
      <section aria-labelledby="owed-todo">
        <h2 id="owed-todo">To do</h2>
        {owed.todo.length ? list(owed.todo, 'todo-items') : <Empty>Nothing else to do.</Empty>}
      </section>
      {truncated ? <p className="muted">Showing the newest {PAGE} of each status.</p> : null}
      <section aria-labelledby="owed-closed">
        <h2 id="owed-closed">Recently closed</h2>
        {owed.closed.length ? list(owed.closed, 'closed-items') : <Empty>Nothing closed yet.</Empty>}
      </section>
      {fetching ? <span className="muted">Refreshing…</span> : null}
    </>
  );
}
