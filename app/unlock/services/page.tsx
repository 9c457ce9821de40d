import { ServicesPage } from '../../reset/_components/services-page';
import { parseResetQuery, type SearchParams } from '../../reset/_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ServicesPage purpose="unlock" query={await parseResetQuery(searchParams)} />;
}
