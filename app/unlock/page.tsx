import { ResetStartPage } from '../reset/_components/reset-start-page';
import { parseResetQuery, type SearchParams } from '../reset/_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ResetStartPage purpose="unlock" query={await parseResetQuery(searchParams)} />;
}
