import { useParams } from 'react-router';
import { NotFoundPage } from '../shell/StatusPages.tsx';
import { DashboardView } from './DashboardView.tsx';

/** /dashboard: the national picture (the console's home page). */
export function DashboardPage() {
  return <DashboardView scope={{ kind: 'national' }} />;
}

/** /dashboard/sector/:code and /dashboard/province/:code: the same picture narrowed to one sector or province. */
export function ScopeDashboardPage({ kind }: { kind: 'sector' | 'province' }) {
  const { code } = useParams();
  const valid = kind === 'sector' ? /^[A-Z][A-Z0-9_]{1,39}$/ : /^[0-9]{2}$/;
  if (!code || !valid.test(code)) return <NotFoundPage />;
  return <DashboardView key={`${kind}:${code}`} scope={{ kind, code }} />;
}
