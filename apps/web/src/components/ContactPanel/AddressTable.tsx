import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { PersonAddressDto } from '@hoeder/contracts';
import type { z } from 'zod';
import { untyped } from '../../i18n/enums';

const COLUMNS = ['label', 'domain', 'street', 'postcode', 'city'] as const;

/** A person's addresses: one table for the person page (liaison) and the units' address section. */
export function AddressTable({ caption, addresses }: { caption: ReactNode; addresses: readonly z.infer<typeof PersonAddressDto>[] }) {
  const { t } = useTranslation();
  const tp = untyped(t);
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c} scope="col">
              {tp(`persons.field.${c}`)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {addresses.map((a) => (
          <TableRow key={a.addressId}>
            <TableCell>{a.label}</TableCell>
            <TableCell>{tp(`persons.domain.${a.domain}`)}</TableCell>
            <TableCell>{a.street}</TableCell>
            <TableCell>{a.postcode}</TableCell>
            <TableCell>{a.city}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
