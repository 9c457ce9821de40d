import { VerifyServicePage } from '../../_components/verify-service-page';
import { parseResetQuery, type SearchParams } from '../../_components/query';

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ service: string }>;
  searchParams: SearchParams;
}) {
  return (
    <VerifyServicePage purpose="reset" service={(await params).service} query={await parseResetQuery(searchParams)} />
  );
}
