package com.eceops.runbook.lab;

import com.eceops.runbook.technology.activedirectory.DirectoryObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulated directory: users, computers and OUs keyed by upper-case name (OUs by DN). */
class AdState {
    public Map<String, AdObject> objects = new LinkedHashMap<>();

    static class AdObject {
        public String name;
        public DirectoryObject.Kind kind;
        public String distinguishedName;
        public boolean enabled;
        public boolean protectedFromAccidentalDeletion;
        public boolean passwordNeverExpires;
        public boolean trustedForDelegation;
        public boolean sensitiveCannotBeDelegated;
        public List<String> servicePrincipalNames = new ArrayList<>();
        public List<DirectoryObject.AclGrant> grants = new ArrayList<>();
    }
}
