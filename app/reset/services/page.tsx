import { ServicesPage } from '../_components/services-page';
import { parseResetQuery, type SearchParams } from '../_components/query';

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ServicesPage purpose="reset" query={await parseResetQuery(searchParams)} />;
}
