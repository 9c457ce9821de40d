import { ResetStartPage } from './_components/reset-start-page';
import { parseResetQuery, type SearchParams } from './_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ResetStartPage purpose="reset" query={await parseResetQuery(searchParams)} />;
}
