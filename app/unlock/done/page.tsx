import { DonePage } from '../../reset/_components/done-page';
import { parseResetQuery, type SearchParams } from '../../reset/_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <DonePage purpose="unlock" query={await parseResetQuery(searchParams)} />;
}
