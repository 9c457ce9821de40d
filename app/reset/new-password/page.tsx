import { NewPasswordPage } from '../_components/new-password-page';
import { parseResetQuery, type SearchParams } from '../_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <NewPasswordPage query={await parseResetQuery(searchParams)} />;
}
