import { z } from 'zod';

export const DEPARTMENTS = ['marketing', 'sales', 'support', 'product', 'other'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const departmentSchema = z.enum(DEPARTMENTS);

/**
 * Colour plus a letter mark: the mark keeps departments apart for colour-blind people and in
 * greyscale prints.
 */
export const DEPARTMENT_STYLE: Record<Department, { label: string; colour: string; mark: string }> = {
  marketing: { label: 'Marketing', colour: '#d9467a', mark: 'M' },
  sales: { label: 'Sales', colour: '#1f8a70', mark: 'S' },
  support: { label: 'Support', colour: '#e07b00', mark: 'Su' },
  product: { label: 'Product', colour: '#5a55d6', mark: 'P' },
  other: { label: 'Other', colour: '#6b7280', mark: 'O' },
};
