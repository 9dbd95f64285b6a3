"use client";

import { createContext, useContext } from "react";

/** What an <ActionForm> tells the fields inside it: the server's message per field, and whether it is sending. */
export const FormState = createContext<{ fields?: Record<string, string>; pending: boolean }>({ pending: false });
export const useFieldError = (name: string) => useContext(FormState).fields?.[name];
export const usePending = () => useContext(FormState).pending;
