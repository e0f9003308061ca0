// Query Lambda behind the HTTP API (payload format 2.0). Thin for now (issue 2); issue 3 adds the routes.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { code: 'not-found', message: `no route for ${event.rawPath}` } }),
});
