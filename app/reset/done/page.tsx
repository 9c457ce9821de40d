import { DonePage } from '../_components/done-page';
import { parseResetQuery, type SearchParams } from '../_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <DonePage purpose="reset" query={await parseResetQuery(searchParams)} />;
}
