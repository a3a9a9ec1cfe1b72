import { http, HttpResponse } from 'msw';
import { conversations, departments } from './data';

/** What every test gets unless it says otherwise: the read-only lists. Anything else must be declared. */
export const defaultHandlers = [
  http.get('/api/v1/departments', () => HttpResponse.json(departments)),
  http.get('/api/v1/conversations', () => HttpResponse.json(conversations)),
];
